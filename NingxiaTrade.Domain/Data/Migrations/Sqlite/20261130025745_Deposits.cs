using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Deposits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LotNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    LotName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TradeType = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    PayerAccount = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: true),
                    PayerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GuaranteeNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    GuaranteeIssuer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GuaranteeAmountFen = table.Column<long>(type: "INTEGER", nullable: false),
                    GuaranteeValidUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GuaranteeElectronic = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReceivedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RefundBasis = table.Column<int>(type: "INTEGER", nullable: true),
                    RefundStartedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefundLastDay = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsWinner = table.Column<bool>(type: "INTEGER", nullable: false),
                    RefundedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RefundedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    InterestFen = table.Column<long>(type: "INTEGER", nullable: false),
                    LateFeeFen = table.Column<long>(type: "INTEGER", nullable: false),
                    ForfeitedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ForfeitedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ForfeitReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
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
