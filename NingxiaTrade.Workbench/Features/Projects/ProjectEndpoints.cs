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

    public static void MapProjectEndpoints(WebApplication app) =>
        app.MapGet(ExportPath, ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = ProjectRoles.Readers })
            .WithSummary("按列表筛选条件导出交易项目（xlsx）");

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
