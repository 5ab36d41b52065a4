using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Deposits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsBasic",
                table: "MarketEntityBankAccounts",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Deposits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ProjectName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    LotNumber = table.Column<int>(type: "int", nullable: false),
                    LotName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntityName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TradeType = table.Column<int>(type: "int", nullable: false),
                    AmountFen = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Method = table.Column<int>(type: "int", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    BankName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Reference = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PayerAccount = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: true),
                    PayerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    GuaranteeNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    GuaranteeIssuer = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    GuaranteeAmountFen = table.Column<long>(type: "bigint", nullable: false),
                    GuaranteeValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    GuaranteeElectronic = table.Column<bool>(type: "bit", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ReceivedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RefundBasis = table.Column<int>(type: "int", nullable: true),
                    RefundStartedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RefundLastDay = table.Column<DateOnly>(type: "date", nullable: true),
                    IsWinner = table.Column<bool>(type: "bit", nullable: false),
                    RefundedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RefundedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    InterestFen = table.Column<long>(type: "bigint", nullable: false),
                    LateFeeFen = table.Column<long>(type: "bigint", nullable: false),
                    ForfeitedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ForfeitedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ForfeitReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Deposits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Deposits_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Deposits_EntityId",
                table: "Deposits",
                column: "EntityId");

            migrationBuilder.CreateIndex(
                name: "IX_Deposits_ProjectId_LotNumber_EntityId",
                table: "Deposits",
                columns: new[] { "ProjectId", "LotNumber", "EntityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Deposits_ProjectId_Reference",
                table: "Deposits",
                columns: new[] { "ProjectId", "Reference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Deposits");

            migrationBuilder.DropColumn(
                name: "IsBasic",
                table: "MarketEntityBankAccounts");
        }
    }
}
