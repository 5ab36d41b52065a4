using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class KeyDataChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NewKeyData",
                table: "MarketEntityChanges",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "OldKeyData",
                table: "MarketEntityChanges",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "Parts",
                table: "MarketEntityChanges",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NewKeyData",
                table: "MarketEntityChanges");

            migrationBuilder.DropColumn(
                name: "OldKeyData",
                table: "MarketEntityChanges");

            migrationBuilder.DropColumn(
                name: "Parts",
                table: "MarketEntityChanges");
        }
    }
}
