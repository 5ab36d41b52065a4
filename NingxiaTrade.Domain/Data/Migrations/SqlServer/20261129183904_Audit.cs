using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Audit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<byte[]>(
                name: "EncryptedPrivateKey",
                table: "ElectronicSeals",
                type: "varbinary(96)",
                maxLength: 96,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "varbinary(64)",
                oldMaxLength: 64);

            migrationBuilder.AddColumn<int>(
                name: "FormatVersion",
                table: "ElectronicSeals",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "KdfMemoryKib",
                table: "ElectronicSeals",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "KdfParallelism",
                table: "ElectronicSeals",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WrapKeyId",
                table: "ElectronicSeals",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AuditAnchors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Hash = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    AnchoredUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    KeyId = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    PublicKey = table.Column<string>(type: "varchar(130)", unicode: false, maxLength: 130, nullable: false),
                    Signature = table.Column<string>(type: "varchar(160)", unicode: false, maxLength: 160, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditAnchors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditReconciliations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RanUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    RowsChecked = table.Column<int>(type: "int", nullable: false),
                    FindingCount = table.Column<int>(type: "int", nullable: false),
                    Findings = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditReconciliations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Method = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Outcome = table.Column<int>(type: "int", nullable: false),
                    ClientAddress = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: true),
                    OccurredUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInEvents", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditAnchors_Sequence",
                table: "AuditAnchors",
                column: "Sequence");

            migrationBuilder.CreateIndex(
                name: "IX_AuditReconciliations_RanUtc",
                table: "AuditReconciliations",
                column: "RanUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SignInEvents_OccurredUtc",
                table: "SignInEvents",
                column: "OccurredUtc");

            migrationBuilder.CreateIndex(
                name: "IX_SignInEvents_UserId",
                table: "SignInEvents",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AuditAnchors");

            migrationBuilder.DropTable(
                name: "AuditReconciliations");

            migrationBuilder.DropTable(
                name: "SignInEvents");

            migrationBuilder.DropColumn(
                name: "FormatVersion",
                table: "ElectronicSeals");

            migrationBuilder.DropColumn(
                name: "KdfMemoryKib",
                table: "ElectronicSeals");

            migrationBuilder.DropColumn(
                name: "KdfParallelism",
                table: "ElectronicSeals");

            migrationBuilder.DropColumn(
                name: "WrapKeyId",
                table: "ElectronicSeals");

            migrationBuilder.AlterColumn<byte[]>(
                name: "EncryptedPrivateKey",
                table: "ElectronicSeals",
                type: "varbinary(64)",
                maxLength: 64,
                nullable: false,
                oldClrType: typeof(byte[]),
                oldType: "varbinary(96)",
                oldMaxLength: 96);
        }
    }
}
