using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Audit;
using NingxiaTrade.Workbench.Features.Admin.Components;
using NingxiaTrade.Workbench.Features.Shell;

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
        return services;
    }

    public static WebApplication MapAdminApi(this WebApplication app) => app;
}
