using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class LotProgress : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LotNumber",
                table: "ProjectSteps",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "BidDeadlineUtc",
                table: "Lots",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CurrentStep",
                table: "Lots",
                type: "varchar(64)",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DocumentsIssuedUtc",
                table: "Lots",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PendingApprovalId",
                table: "Lots",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LotNumber",
                table: "ApprovalRequests",
                type: "int",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LotNumber",
                table: "ProjectSteps");

            migrationBuilder.DropColumn(
                name: "BidDeadlineUtc",
                table: "Lots");

            migrationBuilder.DropColumn(
                name: "CurrentStep",
                table: "Lots");

            migrationBuilder.DropColumn(
                name: "DocumentsIssuedUtc",
                table: "Lots");

            migrationBuilder.DropColumn(
                name: "PendingApprovalId",
                table: "Lots");

            migrationBuilder.DropColumn(
                name: "LotNumber",
                table: "ApprovalRequests");
        }
    }
}
