using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeriodKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DocumentsIssuedUtc",
                table: "TradeProjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspendedBy",
                table: "TradeProjects",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuspendedReason",
                table: "TradeProjects",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SuspendedUtc",
                table: "TradeProjects",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DocumentsIssuedUtc",
                table: "TradeProjects");

            migrationBuilder.DropColumn(
                name: "SuspendedBy",
                table: "TradeProjects");

            migrationBuilder.DropColumn(
                name: "SuspendedReason",
                table: "TradeProjects");

            migrationBuilder.DropColumn(
                name: "SuspendedUtc",
                table: "TradeProjects");
        }
    }
}
