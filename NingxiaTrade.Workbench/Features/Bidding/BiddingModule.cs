using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Bidding;

/// <summary>电子投标: tender documents (published notices for bidders, signed uploads, the confidential download record), clarifications and amendments.</summary>
public sealed class BiddingModule : IWorkbenchModule
{
    public string Group => "电子投标";
    public int Order => 150;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("获取招标文件", "/bidding/notices", Icons.Material.Filled.Download, [Roles.Bidder], 1),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("澄清与修改", typeof(Components.ClarificationFeedPanel), [Roles.Bidder, Roles.Tenderer, Roles.Agent], 40),
    ];
}
