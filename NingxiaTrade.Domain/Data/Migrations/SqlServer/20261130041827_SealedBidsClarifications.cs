using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SealedBidsClarifications : Migration
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
                name: "BidOpenings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LotNumber = table.Column<int>(type: "int", nullable: false),
                    LotName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DecryptionStartedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    DecryptionEndsUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    RecordJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RecordSm3 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    RecordSignature = table.Column<string>(type: "varchar(256)", unicode: false, maxLength: 256, nullable: true),
                    RecordKeyId = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: true),
                    RecordedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BidOpenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BidOpenings_TradeProjects_ProjectId",
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

            migrationBuilder.CreateTable(
                name: "SealedBids",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LotNumber = table.Column<int>(type: "int", nullable: false),
                    EntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EntityName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SubmittedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    SubmittedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    DeadlineUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UploadAddress = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    PriceFormCipher = table.Column<byte[]>(type: "varbinary(4096)", maxLength: 4096, nullable: false),
                    PasswordSalt = table.Column<byte[]>(type: "varbinary(32)", maxLength: 32, nullable: false),
                    PasswordIterations = table.Column<int>(type: "int", nullable: false),
                    PasswordWrappedKey = table.Column<byte[]>(type: "varbinary(64)", maxLength: 64, nullable: false),
                    EscrowWrappedKey = table.Column<byte[]>(type: "varbinary(256)", maxLength: 256, nullable: false),
                    EscrowKeyId = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ManifestSm3 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    SignatureId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SignatureToken = table.Column<string>(type: "varchar(4000)", unicode: false, maxLength: 4000, nullable: false),
                    ReceiptToken = table.Column<string>(type: "varchar(4000)", unicode: false, maxLength: 4000, nullable: false),
                    WithdrawnUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OpenedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OpenedBy = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    PriceFormJson = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    OpenedKeyWrapped = table.Column<byte[]>(type: "varbinary(64)", maxLength: 64, nullable: true),
                    OpenedKeyWrapId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealedBids", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SealedBids_TradeProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "TradeProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpeningEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OpeningId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    EntityId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Actor = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReplyTo = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    BidId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpeningEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpeningEntries_BidOpenings_OpeningId",
                        column: x => x.OpeningId,
                        principalTable: "BidOpenings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EscrowRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OpeningId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BidId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    RequestedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Approved = table.Column<bool>(type: "bit", nullable: true),
                    DecidedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Opinion = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UsedUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EscrowRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EscrowRequests_BidOpenings_OpeningId",
                        column: x => x.OpeningId,
                        principalTable: "BidOpenings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EscrowRequests_SealedBids_BidId",
                        column: x => x.BidId,
                        principalTable: "SealedBids",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "SealedBidFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BidId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StoredName = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    PlainSizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    CipherSizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    PlainSm3 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    CipherSm3 = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Author = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Company = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LastModifiedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealedBidFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SealedBidFiles_SealedBids_BidId",
                        column: x => x.BidId,
                        principalTable: "SealedBids",
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
                name: "IX_BidOpenings_ProjectId_LotNumber_CreatedUtc",
                table: "BidOpenings",
                columns: new[] { "ProjectId", "LotNumber", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BidQuestions_ProjectId_Number",
                table: "BidQuestions",
                columns: new[] { "ProjectId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EscrowRequests_BidId",
                table: "EscrowRequests",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_EscrowRequests_OpeningId_BidId",
                table: "EscrowRequests",
                columns: new[] { "OpeningId", "BidId" });

            migrationBuilder.CreateIndex(
                name: "IX_OpeningEntries_OpeningId_AtUtc",
                table: "OpeningEntries",
                columns: new[] { "OpeningId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SealedBidFiles_BidId",
                table: "SealedBidFiles",
                column: "BidId");

            migrationBuilder.CreateIndex(
                name: "IX_SealedBidFiles_PlainSm3",
                table: "SealedBidFiles",
                column: "PlainSm3");

            migrationBuilder.CreateIndex(
                name: "IX_SealedBids_ProjectId_LotNumber_EntityId_Status",
                table: "SealedBids",
                columns: new[] { "ProjectId", "LotNumber", "EntityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SealedBids_ProjectId_LotNumber_Status",
                table: "SealedBids",
                columns: new[] { "ProjectId", "LotNumber", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Amendments");

            migrationBuilder.DropTable(
                name: "BidQuestions");

            migrationBuilder.DropTable(
                name: "EscrowRequests");

            migrationBuilder.DropTable(
                name: "OpeningEntries");

            migrationBuilder.DropTable(
                name: "SealedBidFiles");

            migrationBuilder.DropTable(
                name: "BidOpenings");

            migrationBuilder.DropTable(
                name: "SealedBids");
        }
    }
}
