using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Workbench.Features.Admin.Components;
using NingxiaTrade.Workbench.Features.Shell;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Workbench.Features.Admin;

/// <summary>系统管理: users, organisations, audit chain, API keys.</summary>
public sealed class AdminModule : IWorkbenchModule
{
    public string Group => "系统管理";
    public int Order => 900;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("用户管理", "/admin/users", Icons.Material.Filled.People, [Roles.Admin], 1),
        new("组织机构", "/admin/organisations", Icons.Material.Filled.AccountTree, [Roles.Admin], 2),
        new("审计日志", "/admin/audit", Icons.Material.Filled.Policy, [Roles.Admin], 4),
        new("API 密钥", "/admin/api-keys", Icons.Material.Filled.Key, [Roles.Admin], 5),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("账户概况", typeof(AccountsOverviewPanel), [Roles.Admin], 10, 6),
        new("审计日志", typeof(AuditOverviewPanel), [Roles.Admin], 11, 6),
    ];
}

public static class AdminModuleRegistration
{
    public static IServiceCollection AddAdminModule(this IServiceCollection services)
    {
        services.AddWorkbenchModule<AdminModule>();
        services.AddScoped<AuditChainVerifier>();
        services.AddScoped<NingxiaTrade.Domain.Accounts.UserAdministration>();
        services.AddScoped<NingxiaTrade.Domain.Organisations.OrganisationAdministration>();
        services.AddScoped<NingxiaTrade.Domain.Audit.AuditLogQueries>();
        services.AddScoped<NingxiaTrade.Domain.ApiKeys.ApiKeyAdministration>();
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Audit:Anchor").Get<AuditAnchorSettings>() ?? new AuditAnchorSettings());
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection("Audit:Reconciliation").Get<AuditReconciliationSettings>() ?? new AuditReconciliationSettings());
        services.AddScoped<AuditAnchorService>();
        services.AddScoped<AuditReconciliationService>();
        services.AddHostedService<AuditAnchorJob>();
        services.AddHostedService<AuditReconciliationJob>();
        return services;
    }

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        ApiSetup.PublicApi(app).MapGet("/audit/anchors", async (AuditAnchorService anchors, int? page, int? pageSize, CancellationToken ct) =>
            {
                var result = await anchors.PageAsync(page ?? 0, pageSize ?? 20, ct);
                return Results.Ok(new
                {
                    total = result.TotalCount,
                    anchors = result.Items.Select(a => new
                    {
                        id = a.Id, sequence = a.Sequence, hash = a.Hash, anchoredAt = DateTime.SpecifyKind(a.AnchoredUtc, DateTimeKind.Utc),
                        signedText = a.SignedText, keyId = a.KeyId, publicKey = a.PublicKey, signature = a.Signature,
                    }),
                });
            })
            .WithName("AuditAnchors")
            .WithSummary("审计链公示：平台定时以 SM2 签名公布的审计链锚点（序号、哈希、时间、签名值、公钥），分页（page 从 0 起，pageSize 不超过 100），最新在前");
        return app;
    }
}

/// <summary>Every minute checks whether the anchoring interval (Audit:Anchor:Interval, one hour) has passed, and if so signs the chain head.</summary>
internal sealed class AuditAnchorJob(IServiceScopeFactory scopes, ILogger<AuditAnchorJob> logger, TimeProvider time)
    : MinuteJob(scopes, logger, time)
{
    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AuditAnchorService>().AnchorIfDueAsync(cancellationToken);
}

/// <summary>Runs the reconciliation of the key tables against the audit log once per Audit:Reconciliation:Interval (a day).</summary>
internal sealed class AuditReconciliationJob(IServiceScopeFactory scopes, ILogger<AuditReconciliationJob> logger, TimeProvider time)
    : MinuteJob(scopes, logger, time)
{
    protected override Task<int> RunOnceAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        services.GetRequiredService<AuditReconciliationService>().RunIfDueAsync(cancellationToken);
}
