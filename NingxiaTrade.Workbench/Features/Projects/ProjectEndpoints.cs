using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Projects;

namespace NingxiaTrade.Workbench.Features.Projects;

/// <summary>The project list's download: GET /projects/export.xlsx with the list's filters as the query string.</summary>
internal static class ProjectEndpoints
{
    public const string ExportPath = "/projects/export.xlsx";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapProjectEndpoints(WebApplication app)
    {
        app.MapGet(ExportPath, ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = ProjectRoles.Readers })
            .WithSummary("按列表筛选条件导出交易项目（xlsx）");
        app.MapGet("/projects/{id:guid}/listing-consent", ListingConsentAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = ProjectRoles.Readers })
            .WithSummary("下载国有产权转让项目重新披露时所附的转让行为批准单位书面同意文件");
    }

    /// <summary>The consent attached to the project's re-disclosure, for whoever may see the project; any other answer is 404.</summary>
    private static async Task<IResult> ListingConsentAsync(Guid id, ProjectRegistration projects, ListingConsentFiles files, CancellationToken cancellationToken)
    {
        TradeProject project;
        try
        {
            project = (await projects.GetAsync(id, cancellationToken)).Project;
        }
        catch (DomainException)
        {
            return Results.NotFound();
        }
        if (project.ListingConsentFile is not { } stored || files.PathOf(stored) is not { } path)
        {
            return Results.NotFound();
        }
        var extension = Path.GetExtension(path);
        var type = extension switch { ".pdf" => "application/pdf", ".png" => "image/png", ".jpg" or ".jpeg" => "image/jpeg", _ => "application/octet-stream" };
        return Results.File(path, type, $"{project.Code}_书面同意{extension}");
    }

    private static async Task ExportAsync(HttpContext http, ProjectRegistration projects, TimeProvider time, CancellationToken cancellationToken)
    {
        ProjectQuery query;
        try
        {
            query = ProjectFilter.Parse(http.Request.Query).ToQuery();
        }
        catch (DomainException e)
        {
            await Results.Problem(title: "请求参数有误", detail: e.Message, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(http);
            return;
        }
        // ClosedXML writes synchronously, which Kestrel forbids on the response body: buffer (in memory up to
        // 32 KB, then in a temporary file) and drain asynchronously.
        await using var buffer = new FileBufferingWriteStream();
        try
        {
            await projects.ExportAsync(query, buffer, cancellationToken);
        }
        catch (AccessDeniedException)
        {
            await Results.Forbid().ExecuteAsync(http);
            return;
        }
        var name = $"交易项目_{ChinaTime.DateOf(time.GetUtcNow().UtcDateTime):yyyyMMdd}.xlsx";
        http.Response.ContentType = XlsxContentType;
        http.Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = name,
        }.ToString();
        await buffer.DrainBufferAsync(http.Response.Body, cancellationToken);
    }
}
