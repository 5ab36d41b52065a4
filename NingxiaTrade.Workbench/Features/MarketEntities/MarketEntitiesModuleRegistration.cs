using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Workbench.Features.MarketEntities;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;

// In the implicitly imported namespace of service registration, so Program.cs needs only the two calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 市场主体 module (registry, review, electronic seals) and maps its endpoints.</summary>
public static class MarketEntitiesModuleRegistration
{
    public static IServiceCollection AddMarketEntitiesModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkbenchModule<MarketEntitiesModule>();
        services.AddSingleton(configuration.GetSection("MarketEntities:Seal").Get<SealSettings>() ?? new SealSettings());
        services.AddSingleton<SealProtection>();
        services.AddScoped<SealKeyRotation>();
        services.AddHostedService<SealRewrapJob>();
        services.AddScoped<MarketEntityRegistry>();
        services.AddScoped<MarketEntityReviewService>();
        services.AddScoped<MarketEntityDirectory>();
        // The module's published read interface; other modules read entities only through it.
        services.AddScoped<IMarketEntityDirectory>(sp => sp.GetRequiredService<MarketEntityDirectory>());
        services.AddScoped<SignatureService>();
        services.AddScoped<EntityAccountSignUp>();
        return services;
    }

    public static WebApplication MapMarketEntitiesApi(this WebApplication app)
    {
        ApiSetup.PublicApi(app).MapPost("/signatures/verify", SignatureEndpoints.VerifyAsync)
            .DisableAntiforgery()
            .WithName("VerifySignature")
            .WithSummary("验证电子签章：上传文件与签名值（multipart：document 文件 + signature 字段；或 JSON：{ document: base64, signature }），返回是否有效、签名人、统一社会信用代码和签署时间（UTC）");
        return app;
    }
}

/// <summary>After a wrap-key rotation in the platform key file, moves the seals to the new key (no PIN needed).</summary>
internal sealed class SealRewrapJob(IServiceScopeFactory scopes, ILogger<SealRewrapJob> logger, TimeProvider time)
    : MinuteJob(scopes, logger, time)
{
    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<SealKeyRotation>().RewrapAsync(cancellationToken);
}
