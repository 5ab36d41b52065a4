using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Polish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DecidedByUserId",
                table: "ApprovalRequests",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ApprovalRequests_DecidedByUserId_DecidedUtc",
                table: "ApprovalRequests",
                columns: new[] { "DecidedByUserId", "DecidedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ApprovalRequests_DecidedByUserId_DecidedUtc",
                table: "ApprovalRequests");

            migrationBuilder.DropColumn(
                name: "DecidedByUserId",
                table: "ApprovalRequests");
        }
    }
}
