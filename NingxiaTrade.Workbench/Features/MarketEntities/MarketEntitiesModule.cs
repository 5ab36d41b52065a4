using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.MarketEntities.Components;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.MarketEntities;

/// <summary>市场主体: self-registration, review at any centre, the region-wide registry and electronic seals.</summary>
public sealed class MarketEntitiesModule : IWorkbenchModule
{
    private static readonly string[] EntityRoles = [Roles.Bidder, Roles.Tenderer, Roles.Agent];

    public string Group => "市场主体";
    public int Order => 300;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("我的主体", "/entities/mine", Icons.Material.Filled.Business, EntityRoles, 1),
        new("登记审核", "/entities/review", Icons.Material.Filled.FactCheck, [Roles.CentreClerk], 2),
        new("市场主体库", "/entities", Icons.Material.Filled.Domain, [Roles.CentreClerk, Roles.Supervisor, Roles.Admin], 3),
        new("签章验证", "/public/signatures/verify", Icons.Material.Filled.VerifiedUser, Roles.All, 4),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("我的市场主体", typeof(MyEntityPanel), EntityRoles, 20, 6),
        new("主体登记审核", typeof(ReviewQueuePanel), [Roles.CentreClerk], 20, 6),
    ];
}
