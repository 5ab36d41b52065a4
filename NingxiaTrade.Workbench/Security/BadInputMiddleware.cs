using Microsoft.AspNetCore.Antiforgery;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;

namespace NingxiaTrade.Workbench.Security;

/// <summary>
/// Bad input is the caller's mistake, never a 500: an oversized or malformed body, a stale form, a refusal of the
/// domain (unknown draw, no access) thrown by an HTTP endpoint. Answered in Chinese (problem details on /api, a
/// page elsewhere), without echoing anything of the request.
/// </summary>
public sealed class BadInputMiddleware(RequestDelegate next, ILogger<BadInputMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (Classify(e) is { } answer && !context.Response.HasStarted)
        {
            logger.LogInformation("Refused {Method} {Path} with {Status}: {Kind}", context.Request.Method, context.Request.Path, answer.Status, e.GetType().Name);
            context.Response.Clear();
            await ChineseErrors.WriteAsync(context, answer.Status, answer.Detail);
        }
    }

    public const string StaleForm = "表单已过期或无法验证来源，请刷新页面后重新提交。";

    /// <summary>The answer for an exception that means bad input; null for a genuine failure (left to the error page).</summary>
    public static (int Status, string? Detail)? Classify(Exception e) => e switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => (413, "请求内容超过了允许的大小。"),
        BadHttpRequestException bad when bad.StatusCode is >= 400 and < 500 => (bad.StatusCode, null),
        AntiforgeryValidationException => (400, StaleForm),
        AccessDeniedException denied => (403, denied.Message),
        // Unknown and out of the caller's data scope look the same (IProjectDirectory).
        NotFoundException missing => (404, missing.Message),
        DomainException refused => (400, refused.Message),
        InvalidDataException => (400, "上传的表单（multipart）格式不正确。"),
        _ => null,
    };
}
