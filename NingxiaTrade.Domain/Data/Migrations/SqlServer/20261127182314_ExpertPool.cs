using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ExpertPool : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ExpertDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectCode = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ProjectName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LotName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProjectRegionCode = table.Column<string>(type: "varchar(6)", unicode: false, maxLength: 6, nullable: false),
                    TendererName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AgentName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    TendererUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AgentUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PartyEntityIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    BidderEntityIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    EvaluationStartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EvaluationEndUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Place = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IsRemote = table.Column<bool>(type: "bit", nullable: false),
                    ResponseDeadlineUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RulesJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Seed = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    AlgorithmVersion = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertDraws_Lots_LotId",
                        column: x => x.LotId,
                        principalTable: "Lots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Experts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "varchar(18)", unicode: false, maxLength: 18, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    EmployerEntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EmployerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "varchar(6)", unicode: false, maxLength: 6, nullable: false),
                    Phone = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CreditScore = table.Column<int>(type: "int", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    ReviewNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Experts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Specialties",
                columns: table => new
                {
                    Code = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ParentCode = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Specialties", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "DrawGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DrawId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Index = table.Column<int>(type: "int", nullable: false),
                    SpecialtyCode = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false),
                    SpecialtyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    Backups = table.Column<int>(type: "int", nullable: false),
                    CandidatesBeforeRules = table.Column<int>(type: "int", nullable: false),
                    PoolSize = table.Column<int>(type: "int", nullable: false),
                    PoolHash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Pool = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    RemovedJson = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawGroups_ExpertDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "ExpertDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertDrawViews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DrawId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Purpose = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ViewedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertDrawViews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertDrawViews_ExpertDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "ExpertDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DrawMembers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DrawId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    GroupIndex = table.Column<int>(type: "int", nullable: false),
                    Order = table.Column<int>(type: "int", nullable: false),
                    ExpertId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExpertName = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    InvitedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ResponseDeadlineUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RespondedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ReplacesMemberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DrawMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DrawMembers_ExpertDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "ExpertDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DrawMembers_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertAssessments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DrawId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ExpertId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AssessorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AssessorRole = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Punctuality = table.Column<int>(type: "int", nullable: false),
                    Competence = table.Column<int>(type: "int", nullable: false),
                    Fairness = table.Column<int>(type: "int", nullable: false),
                    Discipline = table.Column<int>(type: "int", nullable: false),
                    Comment = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IsPoor = table.Column<bool>(type: "bit", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertAssessments_ExpertDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "ExpertDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpertAssessments_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertConflicts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExpertId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertConflicts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertConflicts_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertLeaves",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExpertId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FromUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ToUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertLeaves", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertLeaves_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertTraining",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExpertId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Course = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Hours = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertTraining", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertTraining_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExpertSpecialties",
                columns: table => new
                {
                    ExpertId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "varchar(20)", unicode: false, maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertSpecialties", x => new { x.ExpertId, x.Code });
                    table.ForeignKey(
                        name: "FK_ExpertSpecialties_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ExpertSpecialties_Specialties_Code",
                        column: x => x.Code,
                        principalTable: "Specialties",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DrawGroups_DrawId_Index",
                table: "DrawGroups",
                columns: new[] { "DrawId", "Index" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DrawMembers_DrawId",
                table: "DrawMembers",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_DrawMembers_ExpertId_InvitedUtc",
                table: "DrawMembers",
                columns: new[] { "ExpertId", "InvitedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_DrawMembers_State_ResponseDeadlineUtc",
                table: "DrawMembers",
                columns: new[] { "State", "ResponseDeadlineUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssessments_DrawId",
                table: "ExpertAssessments",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertAssessments_ExpertId_CreatedUtc",
                table: "ExpertAssessments",
                columns: new[] { "ExpertId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertConflicts_EntityId",
                table: "ExpertConflicts",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertConflicts_ExpertId",
                table: "ExpertConflicts",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertDraws_LotId",
                table: "ExpertDraws",
                column: "LotId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertDraws_TendererName_CreatedUtc",
                table: "ExpertDraws",
                columns: new[] { "TendererName", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertDrawViews_DrawId_ViewedUtc",
                table: "ExpertDrawViews",
                columns: new[] { "DrawId", "ViewedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertLeaves_ExpertId",
                table: "ExpertLeaves",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertLeaves_FromUtc_ToUtc",
                table: "ExpertLeaves",
                columns: new[] { "FromUtc", "ToUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Experts_EmployerEntityId",
                table: "Experts",
                column: "EmployerEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Experts_IdNumber",
                table: "Experts",
                column: "IdNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Experts_Name",
                table: "Experts",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Experts_Status_RegionCode",
                table: "Experts",
                columns: new[] { "Status", "RegionCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertSpecialties_Code_ExpertId",
                table: "ExpertSpecialties",
                columns: new[] { "Code", "ExpertId" });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertTraining_ExpertId",
                table: "ExpertTraining",
                column: "ExpertId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DrawGroups");

            migrationBuilder.DropTable(
                name: "DrawMembers");

            migrationBuilder.DropTable(
                name: "ExpertAssessments");

            migrationBuilder.DropTable(
                name: "ExpertConflicts");

            migrationBuilder.DropTable(
                name: "ExpertDrawViews");

            migrationBuilder.DropTable(
                name: "ExpertLeaves");

            migrationBuilder.DropTable(
                name: "ExpertSpecialties");

            migrationBuilder.DropTable(
                name: "ExpertTraining");

            migrationBuilder.DropTable(
                name: "ExpertDraws");

            migrationBuilder.DropTable(
                name: "Specialties");

            migrationBuilder.DropTable(
                name: "Experts");
        }
    }
}
