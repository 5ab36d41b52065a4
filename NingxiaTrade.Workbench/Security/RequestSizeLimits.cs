using Microsoft.AspNetCore.Http.Features;

namespace NingxiaTrade.Workbench.Security;

/// <summary><c>RequestLimits:*</c> — the largest request body, per endpoint (by endpoint name) and for the rest.</summary>
public sealed class RequestSizeLimits
{
    public const string Section = "RequestLimits";

    /// <summary>Every endpoint without a limit of its own (forms, the API): 4 MB.</summary>
    public long DefaultBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Endpoint name → bytes, e.g. <c>RequestLimits:Endpoints:VerifySignature</c>.</summary>
    public Dictionary<string, long> Endpoints { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        // A 20 MB document in a multipart form, with room for the signature and the form's framing.
        ["VerifySignature"] = 21L * 1024 * 1024,
    };

    /// <summary>The JSON form of signature verification carries the document as base64 and is parsed in memory: 8 MB.</summary>
    public long VerifySignatureJsonBytes { get; set; } = 8L * 1024 * 1024;

    public long For(Endpoint? endpoint) =>
        endpoint?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } name && Endpoints.TryGetValue(name, out var bytes)
            ? bytes
            : DefaultBytes;
}

/// <summary>Applies <see cref="RequestSizeLimits"/>: a declared length over the limit is refused before a byte is read (413).</summary>
public sealed class RequestSizeMiddleware(RequestDelegate next, RequestSizeLimits limits)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = limits.For(context.GetEndpoint());
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }
        if (context.Request.ContentLength > limit)
        {
            await ChineseErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                $"请求内容超过了允许的大小（{FormatBytes(limit)}）。");
            return;
        }
        await next(context);
    }

    public static string FormatBytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / 1024.0 / 1024.0:0.#} MB" : $"{bytes / 1024.0:0.#} KB";
}
