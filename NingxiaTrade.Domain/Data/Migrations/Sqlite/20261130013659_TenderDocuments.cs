using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TenderDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TenderDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sm3 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    SignedByEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SignatureId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SignatureToken = table.Column<string>(type: "TEXT", unicode: false, maxLength: 4000, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenderDocuments_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TenderDocumentDownloads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EntityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntityName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Role = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenderDocumentDownloads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TenderDocumentDownloads_TenderDocuments_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "TenderDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TenderDocumentDownloads_DocumentId_Role",
                table: "TenderDocumentDownloads",
                columns: new[] { "DocumentId", "Role" });

            migrationBuilder.CreateIndex(
                name: "IX_TenderDocumentDownloads_ProjectId_Role_AtUtc",
                table: "TenderDocumentDownloads",
                columns: new[] { "ProjectId", "Role", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_TenderDocuments_ProjectId_Version",
                table: "TenderDocuments",
                columns: new[] { "ProjectId", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TenderDocumentDownloads");

            migrationBuilder.DropTable(
                name: "TenderDocuments");
        }
    }
}
