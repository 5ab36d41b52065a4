using Microsoft.AspNetCore.Authorization;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Rules;

/// <summary>One rule of the catalogue in force, as <c>GET /api/public/rules</c> publishes it.</summary>
public sealed record PublicRule(string Title, string? DocumentNumber, string Issuer, string Level, IReadOnlyList<string> TradeTypes,
    string? EffectiveDate, string? ExpiryDate, string CatalogueVersion);

/// <summary>The module's HTTP endpoints: the public catalogue and the file downloads of the screens.</summary>
internal static class RuleEndpoints
{
    public const string ImportTemplatePath = "/rules/import-template.xlsx";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string CataloguePath(Guid versionId) => $"/rules/catalogue/{versionId}.xlsx";
    public static string TemplatePath(Guid templateId) => $"/rules/templates/{templateId}.docx";
    public static string FilledPath(Guid templateId, Guid projectId) => $"/rules/templates/{templateId}/fill/{projectId}.docx";

    public static void Map(WebApplication app)
    {
        ApiSetup.PublicApi(app).MapGet("/rules", PublicRulesAsync)
            .WithName("PublicRules")
            .WithSummary("现行规则目录中的规则（未列入目录的规则一律不得作为行政监督依据）；日期为 yyyy-MM-dd，tradeTypes 为交易类型代码")
            .Produces<List<PublicRule>>();

        // A refusal of the domain (unknown, out of scope, not allowed) is answered by BadInputMiddleware, in Chinese,
        // with its status (404, 403, 400) like every other endpoint.
        app.MapGet(ImportTemplatePath, (RuleInventory rules) =>
                Results.File(rules.ImportTemplate(), XlsxContentType, "规则清理报送模板.xlsx"))
            .RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Supervisor })
            .WithSummary("下载规则清理报送模板");
        app.MapGet("/rules/files/{name}", (string name, RuleAttachments files) =>
                files.PathOf(name) is { } path
                    ? Results.File(path, "application/octet-stream", name)
                    : Results.NotFound())
            .RequireAuthorization(new AuthorizeAttribute { Roles = RuleRoles.Readers })
            .WithSummary("下载规则原文附件");
        app.MapGet("/rules/catalogue/{id:guid}.xlsx", ExportCatalogueAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = RuleRoles.Readers })
            .WithSummary("导出规则目录（xlsx）");
        app.MapGet("/rules/templates/{id:guid}.docx", async (Guid id, DocumentTemplates templates, CancellationToken cancellationToken) =>
            {
                var template = await templates.GetAsync(id, cancellationToken);
                return Results.File(template.Content, DocumentTemplates.DocxContentType, $"{template.Name}_v{template.Version}.docx");
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = RuleRoles.TemplateUsers })
            .WithSummary("下载标准文本");
        app.MapGet("/rules/templates/{id:guid}/fill/{projectId:guid}.docx", async (Guid id, Guid projectId, DocumentTemplates templates, CancellationToken cancellationToken) =>
            {
                var filled = await templates.FillAsync(id, projectId, cancellationToken);
                return Results.File(filled.Content, DocumentTemplates.DocxContentType, filled.FileName);
            })
            .RequireAuthorization(new AuthorizeAttribute { Roles = RuleRoles.TemplateFillers })
            .WithSummary("用项目数据填充标准文本并下载");
    }

    public static async Task<IResult> PublicRulesAsync(RuleCatalogue catalogue, CancellationToken cancellationToken)
    {
        var (version, entries) = await catalogue.PublicAsync(cancellationToken);
        return Results.Ok(entries.Select(e => new PublicRule(e.Title, e.DocumentNumber, e.IssuingBody, e.Level.Chinese(),
            e.TradeTypes.Select(t => t.ToString()).ToList(),
            e.StartsOn is { } s ? ChinaTime.FormatDate(s) : null,
            e.ExpiresOn is { } x ? ChinaTime.FormatDate(x) : null,
            version!.Name)).ToList());
    }

    private static async Task<IResult> ExportCatalogueAsync(Guid id, RuleCatalogue catalogue, CancellationToken cancellationToken)
    {
        var version = await catalogue.GetAsync(id, cancellationToken);
        // ClosedXML writes synchronously: into memory (a catalogue is a few hundred rows), then out.
        var buffer = new MemoryStream();
        await catalogue.ExportAsync(id, buffer, cancellationToken);
        buffer.Position = 0;
        return Results.File(buffer, XlsxContentType, $"宁夏公共资源交易规则目录（{version.Name}）.xlsx");
    }
}
