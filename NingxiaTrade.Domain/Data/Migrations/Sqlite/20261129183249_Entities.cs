using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Entities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TendererEntityId",
                table: "TradeProjects",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_TradeProjects_TendererEntityId",
                table: "TradeProjects",
                column: "TendererEntityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TradeProjects_TendererEntityId",
                table: "TradeProjects");

            migrationBuilder.DropColumn(
                name: "TendererEntityId",
                table: "TradeProjects");
        }
    }
}
