using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Clarifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Amendments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    LotNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    AffectsPreparation = table.Column<bool>(type: "INTEGER", nullable: false),
                    Basis = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StoredName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: true),
                    FileSm3 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true),
                    Sm3 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SignedByEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignatureToken = table.Column<string>(type: "TEXT", unicode: false, maxLength: 4000, nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Amendments_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BidQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AskedByEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AskedByEntityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AskedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AskedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AskedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsPublished = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BidQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BidQuestions_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_ProjectId_Number",
                table: "Amendments",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_ProjectId_PublishedUtc",
                table: "Amendments",
                columns: new[] { "ProjectId", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BidQuestions_ProjectId_Number",
                table: "BidQuestions",
                columns: new[] { "ProjectId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Amendments");

            migrationBuilder.DropTable(
                name: "BidQuestions");
        }
    }
}
