using System.Security.Claims;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Experts;
using NingxiaTrade.Workbench.Features.Experts;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;
using NingxiaTrade.Workbench.Security;

// In the implicitly imported namespace of service registration, so Program.cs needs only the two calls.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the 评标专家 module (pool, draw, invitations, after-session) and maps its endpoints.</summary>
public static class ExpertsModuleRegistration
{
    public static IServiceCollection AddExpertsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddWorkbenchModule<ExpertsModule>();
        services.AddSingleton(configuration.GetSection("Experts:Draw").Get<ExpertDrawSettings>() ?? new ExpertDrawSettings());
        services.AddSingleton(configuration.GetSection("Experts:Fees").Get<ExpertFeeStandard>() ?? new ExpertFeeStandard());
        services.AddSingleton(configuration.GetSection("Experts:Assessment").Get<AssessmentRules>() ?? new AssessmentRules());
        services.AddSingleton<IDrawSeedSource, CryptoDrawSeedSource>();
        services.AddScoped<ExpertPool>();
        services.AddScoped<ExpertDrawService>();
        services.AddScoped<IExpertCommittee>(sp => sp.GetRequiredService<ExpertDrawService>());
        services.AddScoped<ExpertSessionService>();
        services.AddHostedService<InvitationExpiryService>();
        return services;
    }

    public static WebApplication MapExpertsApi(this WebApplication app)
    {
        app.MapGroup("/experts").RequireAuthorization(Policies.DrawReader)
            .MapGet("/draws/{id:guid}/fees.xlsx", async (Guid id, ExpertSessionService sessions, CancellationToken ct) =>
            {
                try
                {
                    return Results.File(await sessions.FeeSheetXlsxAsync(id, ct), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "专家劳务费.xlsx");
                }
                catch (AccessDeniedException)
                {
                    return Results.Forbid();
                }
            })
            .WithSummary("下载一次评标的专家劳务费表（评审结果公告后；抽取人和行政监督人员公告前也可下载）");
        return app;
    }
}

/// <summary>Once a minute, invitations past their deadline count as no answer and are replaced from the recorded pool.</summary>
internal sealed class InvitationExpiryService(IServiceScopeFactory scopes, ILogger<InvitationExpiryService> logger, TimeProvider time)
    : MinuteJob(scopes, logger, time)
{
    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<ExpertDrawService>().ExpireUnansweredAsync(cancellationToken);
}
