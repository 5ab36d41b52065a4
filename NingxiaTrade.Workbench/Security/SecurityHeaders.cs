using System.Security.Cryptography;

namespace NingxiaTrade.Workbench.Security;

/// <summary>
/// Security headers on every response. The CSP fits Blazor Server and MudBlazor: scripts only from the site (and
/// the import map, which carries this request's nonce), the circuit's websocket to the site itself, inline styles
/// allowed (MudBlazor and the Mermaid diagrams set style attributes), no framing by anyone.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "NingxiaTrade.CspNonce";

    /// <summary>This request's CSP nonce, for the one inline script the page needs (the import map).</summary>
    public static string Nonce(HttpContext? context) => context?.Items[NonceKey] as string ?? "";

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool development) =>
        app.Use(async (context, next) =>
        {
            // Hex: nothing in it that HTML encoding would change.
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // The API reference page of Development (/scalar) runs its own inline scripts.
                if (!(development && context.Request.Path.StartsWithSegments("/scalar")))
                {
                    headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
                }
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                return Task.CompletedTask;
            });
            await next(context);
        });
}
