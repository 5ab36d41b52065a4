using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MarketEntities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MarketEntities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    LegalRepresentativeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LegalRepresentativeIdNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    RegisteredAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    BusinessScope = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RegistrationCentreId = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByCentreId = table.Column<int>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketEntities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketEntities_TradingCentres_ApprovedByCentreId",
                        column: x => x.ApprovedByCentreId,
                        principalTable: "TradingCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MarketEntities_TradingCentres_RegistrationCentreId",
                        column: x => x.RegistrationCentreId,
                        principalTable: "TradingCentres",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Favourable = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LegalBasis = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PublishUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RepairedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditRecords_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ElectronicSeals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublicKey = table.Column<byte[]>(type: "BLOB", maxLength: 65, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    EncryptedPrivateKey = table.Column<byte[]>(type: "BLOB", maxLength: 64, nullable: false),
                    Salt = table.Column<byte[]>(type: "BLOB", maxLength: 16, nullable: false),
                    Nonce = table.Column<byte[]>(type: "BLOB", maxLength: 12, nullable: false),
                    Iterations = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ElectronicSeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ElectronicSeals_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketBans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ListName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    TradeTypes = table.Column<string>(type: "TEXT", unicode: false, maxLength: 20, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LiftedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LiftReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketBans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketBans_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MarketEntityBankAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BankName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    AccountName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AccountNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketEntityBankAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketEntityBankAccounts_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketEntityChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OldName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OldLegalRepresentativeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    OldLegalRepresentativeIdNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    NewName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NewLegalRepresentativeName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    NewLegalRepresentativeIdNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketEntityChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketEntityChanges_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketEntityContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Value = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketEntityContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketEntityContacts_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketEntityKeyStaff",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    IdNumber = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    Certificates = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketEntityKeyStaff", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketEntityKeyStaff_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketEntityQualifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Grade = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Issuer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketEntityQualifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketEntityQualifications_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MarketEntityReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CentreName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MarketEntityReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MarketEntityReviews_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SignatureRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 18, nullable: false),
                    SignerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    DocumentSm3 = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    DocumentName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    SignedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SignedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Token = table.Column<string>(type: "TEXT", unicode: false, maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignatureRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignatureRecords_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CreditRepairRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MarketEntityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreditRecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MarketBanId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Opinion = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRepairRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditRepairRequests_CreditRecords_CreditRecordId",
                        column: x => x.CreditRecordId,
                        principalTable: "CreditRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditRepairRequests_MarketBans_MarketBanId",
                        column: x => x.MarketBanId,
                        principalTable: "MarketBans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CreditRepairRequests_MarketEntities_MarketEntityId",
                        column: x => x.MarketEntityId,
                        principalTable: "MarketEntities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_MarketEntityId_Date",
                table: "CreditRecords",
                columns: new[] { "MarketEntityId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairRequests_CreditRecordId",
                table: "CreditRepairRequests",
                column: "CreditRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairRequests_MarketBanId",
                table: "CreditRepairRequests",
                column: "MarketBanId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairRequests_MarketEntityId",
                table: "CreditRepairRequests",
                column: "MarketEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRepairRequests_Status_RequestedUtc",
                table: "CreditRepairRequests",
                columns: new[] { "Status", "RequestedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ElectronicSeals_MarketEntityId",
                table: "ElectronicSeals",
                column: "MarketEntityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarketBans_CreatedUtc",
                table: "MarketBans",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_MarketBans_MarketEntityId_To",
                table: "MarketBans",
                columns: new[] { "MarketEntityId", "To" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntities_ApprovedByCentreId",
                table: "MarketEntities",
                column: "ApprovedByCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntities_CreditCode",
                table: "MarketEntities",
                column: "CreditCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntities_LegalRepresentativeIdNumber",
                table: "MarketEntities",
                column: "LegalRepresentativeIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntities_Name",
                table: "MarketEntities",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntities_OwnerUserId",
                table: "MarketEntities",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntities_RegistrationCentreId",
                table: "MarketEntities",
                column: "RegistrationCentreId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntities_Status_SubmittedUtc",
                table: "MarketEntities",
                columns: new[] { "Status", "SubmittedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityBankAccounts_AccountNumber",
                table: "MarketEntityBankAccounts",
                column: "AccountNumber");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityBankAccounts_MarketEntityId",
                table: "MarketEntityBankAccounts",
                column: "MarketEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityChanges_MarketEntityId_Status",
                table: "MarketEntityChanges",
                columns: new[] { "MarketEntityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityContacts_MarketEntityId",
                table: "MarketEntityContacts",
                column: "MarketEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityContacts_Value",
                table: "MarketEntityContacts",
                column: "Value");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityKeyStaff_IdNumber",
                table: "MarketEntityKeyStaff",
                column: "IdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityKeyStaff_MarketEntityId",
                table: "MarketEntityKeyStaff",
                column: "MarketEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityQualifications_ExpiresOn",
                table: "MarketEntityQualifications",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityQualifications_MarketEntityId",
                table: "MarketEntityQualifications",
                column: "MarketEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_MarketEntityReviews_MarketEntityId",
                table: "MarketEntityReviews",
                column: "MarketEntityId");

            migrationBuilder.CreateIndex(
                name: "IX_SignatureRecords_MarketEntityId_SignedUtc",
                table: "SignatureRecords",
                columns: new[] { "MarketEntityId", "SignedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditRepairRequests");

            migrationBuilder.DropTable(
                name: "ElectronicSeals");

            migrationBuilder.DropTable(
                name: "MarketEntityBankAccounts");

            migrationBuilder.DropTable(
                name: "MarketEntityChanges");

            migrationBuilder.DropTable(
                name: "MarketEntityContacts");

            migrationBuilder.DropTable(
                name: "MarketEntityKeyStaff");

            migrationBuilder.DropTable(
                name: "MarketEntityQualifications");

            migrationBuilder.DropTable(
                name: "MarketEntityReviews");

            migrationBuilder.DropTable(
                name: "SignatureRecords");

            migrationBuilder.DropTable(
                name: "CreditRecords");

            migrationBuilder.DropTable(
                name: "MarketBans");

            migrationBuilder.DropTable(
                name: "MarketEntities");
        }
    }
}
