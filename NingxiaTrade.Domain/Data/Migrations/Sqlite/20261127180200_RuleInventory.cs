using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RuleInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogueVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommentPeriods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartsUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentPeriods", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DocumentTemplates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TradeType = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Placeholders = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentTemplates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    TradeTypes = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsTemporary = table.Column<bool>(type: "INTEGER", nullable: false),
                    FullText = table.Column<string>(type: "TEXT", nullable: true),
                    AttachmentPath = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    DepartmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rules_SupervisingDepartments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "SupervisingDepartments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CatalogueEntries",
                columns: table => new
                {
                    CatalogueVersionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    IssuingBody = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    TradeTypes = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsTemporary = table.Column<bool>(type: "INTEGER", nullable: false),
                    DepartmentName = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogueEntries", x => new { x.CatalogueVersionId, x.RuleId });
                    table.ForeignKey(
                        name: "FK_CatalogueEntries_CatalogueVersions_CatalogueVersionId",
                        column: x => x.CatalogueVersionId,
                        principalTable: "CatalogueVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CatalogueEntries_Rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "Rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommentPeriodRule",
                columns: table => new
                {
                    CommentPeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentPeriodRule", x => new { x.CommentPeriodId, x.RuleId });
                    table.ForeignKey(
                        name: "FK_CommentPeriodRule_CommentPeriods_CommentPeriodId",
                        column: x => x.CommentPeriodId,
                        principalTable: "CommentPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentPeriodRule_Rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "Rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PublicComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommentPeriodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AuthorRole = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: true),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PublicComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PublicComments_CommentPeriods_CommentPeriodId",
                        column: x => x.CommentPeriodId,
                        principalTable: "CommentPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PublicComments_Rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "Rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RuleReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    Proposal = table.Column<int>(type: "INTEGER", nullable: false),
                    Problems = table.Column<int>(type: "INTEGER", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnswerToReturn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    SubmittedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RuleReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RuleReviews_Rules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "Rules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LegalityReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RuleReviewId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ReviewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    ReviewerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalityReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegalityReviews_RuleReviews_RuleReviewId",
                        column: x => x.RuleReviewId,
                        principalTable: "RuleReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueEntries_RuleId",
                table: "CatalogueEntries",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueVersions_EffectiveOn",
                table: "CatalogueVersions",
                column: "EffectiveOn");

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueVersions_Name",
                table: "CatalogueVersions",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CatalogueVersions_Number",
                table: "CatalogueVersions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CommentPeriodRule_RuleId",
                table: "CommentPeriodRule",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentPeriods_EndsUtc",
                table: "CommentPeriods",
                column: "EndsUtc");

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTemplates_TradeType_Name_Version",
                table: "DocumentTemplates",
                columns: new[] { "TradeType", "Name", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LegalityReviews_RuleReviewId",
                table: "LegalityReviews",
                column: "RuleReviewId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PublicComments_CommentPeriodId",
                table: "PublicComments",
                column: "CommentPeriodId");

            migrationBuilder.CreateIndex(
                name: "IX_PublicComments_RuleId",
                table: "PublicComments",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_RuleReviews_RuleId_Round",
                table: "RuleReviews",
                columns: new[] { "RuleId", "Round" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Rules_DepartmentId_Status",
                table: "Rules",
                columns: new[] { "DepartmentId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Rules_DocumentNumber",
                table: "Rules",
                column: "DocumentNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Rules_Status",
                table: "Rules",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogueEntries");

            migrationBuilder.DropTable(
                name: "CommentPeriodRule");

            migrationBuilder.DropTable(
                name: "DocumentTemplates");

            migrationBuilder.DropTable(
                name: "LegalityReviews");

            migrationBuilder.DropTable(
                name: "PublicComments");

            migrationBuilder.DropTable(
                name: "CatalogueVersions");

            migrationBuilder.DropTable(
                name: "RuleReviews");

            migrationBuilder.DropTable(
                name: "CommentPeriods");

            migrationBuilder.DropTable(
                name: "Rules");
        }
    }
}
