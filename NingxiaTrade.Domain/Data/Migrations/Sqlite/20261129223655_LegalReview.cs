using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LegalReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LegalOpinion",
                table: "WorkflowDefinitions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "LegalReview",
                table: "WorkflowDefinitions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalReviewReasons",
                table: "WorkflowDefinitions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalReviewedBy",
                table: "WorkflowDefinitions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LegalReviewedUtc",
                table: "WorkflowDefinitions",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LegalOpinion",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "LegalReview",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "LegalReviewReasons",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "LegalReviewedBy",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "LegalReviewedUtc",
                table: "WorkflowDefinitions");
        }
    }
}
