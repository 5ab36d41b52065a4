using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NingxiaTrade.Domain.ApiKeys;
using NingxiaTrade.Domain.Data;

namespace NingxiaTrade.Workbench.Security;

/// <summary>Signs in a partner system that presents <c>X-Api-Key</c>; only the key's hash is stored.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<TradeDbContext> contexts,
    TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = values.ToString().Trim();
        if (secret.Length < 12)
        {
            return AuthenticateResult.Fail("API 密钥无效。");
        }
        var prefix = secret[..12];
        await using var db = await contexts.CreateDbContextAsync(Context.RequestAborted);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix).ToListAsync(Context.RequestAborted);
        var now = time.GetUtcNow().UtcDateTime;
        var key = candidates.FirstOrDefault(k => k.Matches(secret));
        if (key is null || !key.IsValidAt(now))
        {
            return AuthenticateResult.Fail("API 密钥无效、已过期或已吊销。");
        }
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, "apikey:" + key.Id),
                new Claim(ClaimTypes.Name, "API:" + key.Name),
                new Claim(ClaimTypes.Role, Policies.ApiClientRole),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Task.CompletedTask;
    }
}
