using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AuditLogAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The audit log is append-only in the database too, so bulk ExecuteUpdate/ExecuteDelete cannot bypass the interceptor.
            migrationBuilder.Sql(@"CREATE TRIGGER [dbo].[AuditLog_AppendOnly] ON [dbo].[AuditLog] INSTEAD OF UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N'审计日志只能追加，不能修改或删除。', 1;
END");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [dbo].[AuditLog_AppendOnly];");
        }
    }
}
