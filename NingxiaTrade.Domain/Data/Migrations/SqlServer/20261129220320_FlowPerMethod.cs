using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NingxiaTrade.Domain.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FlowPerMethod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitions_TradeType_IsPublished",
                table: "WorkflowDefinitions");

            migrationBuilder.AddColumn<int>(
                name: "TradeMethod",
                table: "WorkflowDefinitions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // Flows written before flows were per method served the type's first method: 公开招标, 挂牌 or 带量采购.
            migrationBuilder.Sql("UPDATE [WorkflowDefinitions] SET [TradeMethod] = CASE [TradeType] WHEN 3 THEN 6 WHEN 4 THEN 6 WHEN 5 THEN 9 ELSE 1 END;");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_TradeType_TradeMethod_IsPublished",
                table: "WorkflowDefinitions",
                columns: new[] { "TradeType", "TradeMethod", "IsPublished" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowDefinitions_TradeType_TradeMethod_IsPublished",
                table: "WorkflowDefinitions");

            migrationBuilder.DropColumn(
                name: "TradeMethod",
                table: "WorkflowDefinitions");

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowDefinitions_TradeType_IsPublished",
                table: "WorkflowDefinitions",
                columns: new[] { "TradeType", "IsPublished" });
        }
    }
}
