using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Recusal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DisclosureRound",
                table: "TradeProjects",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "ListingConsentFile",
                table: "TradeProjects",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousListingPriceFen",
                table: "TradeProjects",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResultPublishedByName",
                table: "ExpertDraws",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResultPublishedUtc",
                table: "ExpertDraws",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupervisingDepartmentName",
                table: "ExpertDraws",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "TradeType",
                table: "ExpertDraws",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ExpertEmployments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ExpertId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EmployerName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreditCode = table.Column<string>(type: "varchar(18)", unicode: false, maxLength: 18, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertEmployments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertEmployments_Experts_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "Experts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExpertEmployments_ExpertId",
                table: "ExpertEmployments",
                column: "ExpertId");

            // Draws made before this migration: their project's trade type and supervising department, as recorded now.
            migrationBuilder.Sql(@"UPDATE ""ExpertDraws"" SET ""TradeType"" = (SELECT p.""TradeType"" FROM ""TradeProjects"" p WHERE p.""Id"" = ""ExpertDraws"".""ProjectId""),
""SupervisingDepartmentName"" = COALESCE((SELECT d.""Name"" FROM ""TradeProjects"" p JOIN ""SupervisingDepartments"" d ON d.""Id"" = p.""SupervisingDepartmentId"" WHERE p.""Id"" = ""ExpertDraws"".""ProjectId""), '')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExpertEmployments");

            migrationBuilder.DropColumn(
                name: "DisclosureRound",
                table: "TradeProjects");

            migrationBuilder.DropColumn(
                name: "ListingConsentFile",
                table: "TradeProjects");

            migrationBuilder.DropColumn(
                name: "PreviousListingPriceFen",
                table: "TradeProjects");

            migrationBuilder.DropColumn(
                name: "ResultPublishedByName",
                table: "ExpertDraws");

            migrationBuilder.DropColumn(
                name: "ResultPublishedUtc",
                table: "ExpertDraws");

            migrationBuilder.DropColumn(
                name: "SupervisingDepartmentName",
                table: "ExpertDraws");

            migrationBuilder.DropColumn(
                name: "TradeType",
                table: "ExpertDraws");
        }
    }
}
