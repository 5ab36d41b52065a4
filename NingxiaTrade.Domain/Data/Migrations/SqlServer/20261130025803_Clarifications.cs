using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    LotNumber = table.Column<int>(type: "int", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(max)", maxLength: 20000, nullable: false),
                    AffectsPreparation = table.Column<bool>(type: "bit", nullable: false),
                    Basis = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    StoredName = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: true),
                    FileSm3 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    Sm3 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    SignedByEntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SignedByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SignatureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SignatureToken = table.Column<string>(type: "varchar(4000)", unicode: false, maxLength: 4000, nullable: false),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PublishedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    PublishedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    AskedByEntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AskedByEntityName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AskedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AskedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AskedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Answer = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AnsweredByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AnsweredUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    IsPublished = table.Column<bool>(type: "bit", nullable: false)
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
