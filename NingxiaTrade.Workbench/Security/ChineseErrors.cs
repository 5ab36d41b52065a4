using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NingxiaTrade.Workbench.Security;

/// <summary>
/// The one way the workbench answers a refused or failed request outside a page: problem details JSON on /api,
/// a small Chinese page elsewhere. Nothing of the request (cookies, headers, exception text) is echoed.
/// </summary>
public static class ChineseErrors
{
    // Chinese as characters, not as &#x...; escapes.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    public static string Title(int status) => status switch
    {
        400 => "请求有误",
        401 => "尚未登录",
        403 => "无权访问",
        404 => "页面或资源不存在",
        405 => "不支持该请求方式",
        408 => "请求超时",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        429 => "请求过于频繁",
        >= 500 => "系统错误",
        _ => "请求未能完成",
    };

    public static string Detail(int status) => status switch
    {
        400 => "请求的格式或内容不正确，请检查后重试。",
        401 => "请先登录，或在请求头 X-Api-Key 中提供有效的 API 密钥。",
        403 => "您没有访问该资源或执行该操作的权限。",
        404 => "您访问的页面或资源不存在或已被移除。",
        405 => "该地址不支持此请求方式。",
        408 => "请求未在规定时间内完成，请重试。",
        413 => "请求内容超过了允许的大小。",
        415 => "请求的内容类型不受支持。",
        429 => "请求过于频繁，请稍后重试。",
        >= 500 => "处理请求时发生错误，请稍后重试；如问题持续，请联系系统管理员。",
        _ => "请求未能完成，请稍后重试。",
    };

    /// <summary>Writes the answer for <paramref name="status"/>; <paramref name="detail"/> replaces the standard sentence.</summary>
    public static async Task WriteAsync(HttpContext context, int status, string? detail = null)
    {
        var title = Title(status);
        detail ??= Detail(status);
        context.Response.StatusCode = status;
        if (IsApi(context))
        {
            await Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        var html = Html;
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
            <title>{html.Encode(title)} - 宁夏公共资源交易平台</title><link rel="stylesheet" href="/app.css" /></head>
            <body><main class="error-page" id="error-page" data-status="{status}">
            <h1>{html.Encode(title)}</h1>
            <p id="error-detail">{html.Encode(detail)}</p>
            <p><a href="/">返回我的工作台</a> · <a href="/Account/Login">登录</a></p>
            </main></body>
            </html>
            """);
    }
}
