using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Workflows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkflowDefinitions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DefinitionId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    TradeType = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsLatest = table.Column<bool>(type: "INTEGER", nullable: false),
                    BodyJson = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowDefinitions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TradeProjects",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    TradingCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    TradeType = table.Column<int>(type: "INTEGER", nullable: false),
                    TradeMethod = table.Column<int>(type: "INTEGER", nullable: false),
                    TendererName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TendererUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AgentName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AgentUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SupervisingDepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EstimateFen = table.Column<long>(type: "INTEGER", nullable: false),
                    AppraisedValueFen = table.Column<long>(type: "INTEGER", nullable: true),
                    FundSource = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ApprovalDocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NeedsBelowAppraisalConsent = table.Column<bool>(type: "INTEGER", nullable: false),
                    WorkflowDefinitionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CurrentStep = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    PendingApprovalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    BidDeadlineUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TradeProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TradeProjects_SupervisingDepartments_SupervisingDepartmentId",
                        column: x => x.SupervisingDepartmentId,
                        principalTable: "SupervisingDepartments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradeProjects_TradingCentres_TradingCentreId",
                        column: x => x.TradingCentreId,
                        principalTable: "TradingCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TradeProjects_WorkflowDefinitions_WorkflowDefinitionId",
                        column: x => x.WorkflowDefinitionId,
                        principalTable: "WorkflowDefinitions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApprovalRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupervisingDepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromStep = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    ToStep = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApprovalRequests_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Lots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PriceFen = table.Column<long>(type: "INTEGER", nullable: false),
                    DepositFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Lots_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProjectSteps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    FromStep = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    ToStep = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Action = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProjectSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProjectSteps_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_ProjectId",
                table: "ApprovalRequests",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_SupervisingDepartmentId_Status",
                table: "ApprovalRequests",
                columns: new[] { "SupervisingDepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Lots_ProjectId_Number",
                table: "Lots",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProjectSteps_ProjectId_Sequence",
                table: "ProjectSteps",
                columns: new[] { "ProjectId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_AgentUserId",
                table: "TradeProjects",
                column: "AgentUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_Code",
                table: "TradeProjects",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_CreatedUtc",
                table: "TradeProjects",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_SupervisingDepartmentId",
                table: "TradeProjects",
                column: "SupervisingDepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_TendererUserId",
                table: "TradeProjects",
                column: "TendererUserId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_TradeType_CurrentStep",
                table: "TradeProjects",
                columns: new[] { "TradeType", "CurrentStep" });

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_TradingCentreId",
                table: "TradeProjects",
                column: "TradingCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_WorkflowDefinitionId",
                table: "TradeProjects",
                column: "WorkflowDefinitionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_DefinitionId_Version",
                table: "WorkflowDefinitions",
                columns: new[] { "DefinitionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_TradeType_IsPublished",
                table: "WorkflowDefinitions",
                columns: new[] { "TradeType", "IsPublished" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalRequests");

            migrationBuilder.DropTable(
                name: "Lots");

            migrationBuilder.DropTable(
                name: "ProjectSteps");

            migrationBuilder.DropTable(
                name: "TradeProjects");

            migrationBuilder.DropTable(
                name: "WorkflowDefinitions");
        }
    }
}
