using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Bidding;

/// <summary>电子投标: tender documents, clarifications and amendments, bid deposits, sealed bids and the remote opening.</summary>
public sealed class BiddingModule : IWorkbenchModule
{
    public string Group => "电子投标";
    public int Order => 150;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("获取招标文件", "/bidding/notices", Icons.Material.Filled.Download, [Roles.Bidder], 1),
        new("投标保证金", "/bidding/deposits", Icons.Material.Filled.AccountBalance, [Roles.Bidder], 2),
        new("我的投标", "/bidding/my-bids", Icons.Material.Filled.Lock, [Roles.Bidder], 3),
        new("投标回执验证", "/public/bid-receipts/verify", Icons.Material.Filled.VerifiedUser, Roles.All, 4),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("澄清与修改", typeof(Components.ClarificationFeedPanel), [Roles.Bidder, Roles.Tenderer, Roles.Agent], 40),
    ];
}
