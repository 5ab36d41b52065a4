using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Security;

/// <summary>
/// HTTP hardening in one place (issue 9): server-side logout, throttling, request-size limits, Chinese error
/// answers, security headers, forwarded headers, Secure cookies and encrypted data-protection keys.
/// Program.cs calls <see cref="AddWorkbenchHardening"/> and <see cref="UseWorkbenchHardening"/>.
/// </summary>
public static class HardeningExtensions
{
    /// <summary>
    /// The circuit message that carries the largest text field: 全文 of a rule at its maximum, four bytes a character
    /// (UTF-8 Chinese is three, JSON escapes add some), plus 64 KB for the rest of the event.
    /// </summary>
    public const long LargestTextFieldBytes = NingxiaTrade.Domain.Rules.Rule.MaxFullTextLength * 4L + 64 * 1024;

    public static WebApplicationBuilder AddWorkbenchHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        var production = !builder.Environment.IsDevelopment();

        services.ConfigureApplicationCookie(SessionRevocation.CheckStampOnEveryRequest);
        services.AddScoped<LoginTiming>();

        services.AddRequestThrottling(
            configuration.GetSection(RateLimitSettings.Section).Get<RateLimitSettings>() ?? new RateLimitSettings(),
            IdentitySetup.LockoutAfterFailures);
        services.AddSingleton(configuration.GetSection(RequestSizeLimits.Section).Get<RequestSizeLimits>() ?? new RequestSizeLimits());

        services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, configuration.GetSection("ForwardedHeaders")));

        if (production)
        {
            // Behind the proxy the site is HTTPS only: no cookie ever travels in clear.
            services.ConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.Configure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        }
        ProtectKeysWithCertificate(services.AddDataProtection(), configuration, production);

        // A pasted regulation travels to the server in one circuit message: the default 32 KB dropped the circuit
        // silently at about 9,000 characters. The limit fits the largest text field (Circuit:MaximumReceiveMessageBytes).
        var circuitMessageBytes = configuration.GetValue<long?>("Circuit:MaximumReceiveMessageBytes") ?? LargestTextFieldBytes;
        services.AddServerSideBlazor().AddHubOptions(o => o.MaximumReceiveMessageSize = circuitMessageBytes);
        return builder;
    }

    /// <summary>
    /// The front of the pipeline, in order: client address and scheme from known proxies, security headers, errors
    /// (bad input and status codes answered in Chinese), routing, throttling and size limits — before the sign-in
    /// cookie costs a database read — then authentication, authorization and antiforgery.
    /// </summary>
    public static WebApplication UseWorkbenchHardening(this WebApplication app)
    {
        var development = app.Environment.IsDevelopment();
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(development);
        if (!development)
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseMiddleware<BadInputMiddleware>();
        app.UseStatusCodePages(context => ChineseErrors.WriteAsync(context.HttpContext, context.HttpContext.Response.StatusCode));
        app.UseRouting();
        app.UseRequestThrottling();
        app.UseMiddleware<RequestSizeMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // A stale or forged form post gets a Chinese answer instead of the framework's English sentence.
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await ChineseErrors.WriteAsync(context, StatusCodes.Status400BadRequest, BadInputMiddleware.StaleForm);
                return;
            }
            await next(context);
        });
        return app;
    }

    /// <summary>
    /// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR): only these may
    /// set the client address and scheme (X-Forwarded-For, X-Forwarded-Proto). Loopback is trusted as by default.
    /// </summary>
    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfiguration section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }
        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
        if (section.GetValue<int?>("ForwardLimit") is { } limit)
        {
            options.ForwardLimit = limit;
        }
    }

    /// <summary>
    /// Data-protection keys (they protect the sign-in cookies and forms) are kept in the database; outside
    /// Development they are encrypted there with the certificate of <c>DataProtection:CertificatePath</c>
    /// (PFX, password in <c>DataProtection:CertificatePassword</c>). Without it the workbench does not start.
    /// </summary>
    private static void ProtectKeysWithCertificate(IDataProtectionBuilder dataProtection, IConfiguration configuration, bool required)
    {
        var path = configuration["DataProtection:CertificatePath"];
        if (string.IsNullOrWhiteSpace(path))
        {
            if (required)
            {
                throw new InvalidOperationException(
                    "生产环境必须配置 DataProtection:CertificatePath（含私钥的 PFX 证书，密码在 DataProtection:CertificatePassword），用于加密保存在数据库中的数据保护密钥。见 README。");
            }
            return;
        }
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"找不到数据保护证书 DataProtection:CertificatePath = {path}。");
        }
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"], X509KeyStorageFlags.Exportable);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException("数据保护证书须包含私钥（PFX）。");
        }
        dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
