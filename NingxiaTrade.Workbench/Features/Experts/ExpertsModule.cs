using MudBlazor;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Workbench.Features.Experts.Components;
using NingxiaTrade.Workbench.Features.Shell;

namespace NingxiaTrade.Workbench.Features.Experts;

/// <summary>评标专家: the pool, the auditable draw, supervisors' re-verification and experts' invitations.</summary>
public sealed class ExpertsModule : IWorkbenchModule
{
    public string Group => "评标专家";
    public int Order => 320;

    public IReadOnlyList<MenuEntry> Menu { get; } =
    [
        new("专家抽取", "/experts/draws", Icons.Material.Filled.Casino, [Roles.CentreClerk, Roles.Supervisor], 1),
        new("专家库", "/experts", Icons.Material.Filled.Groups, [Roles.CentreClerk, Roles.Supervisor, Roles.Admin], 2),
        new("我的评标邀请", "/experts/invitations", Icons.Material.Filled.MarkEmailUnread, [Roles.Expert], 3),
        new("入库申请", "/experts/apply", Icons.Material.Filled.HowToReg, [Roles.Expert], 4),
        new("入库审核", "/experts/applications", Icons.Material.Filled.FactCheck, [Roles.CentreClerk], 5),
        new("导入专家", "/experts/import", Icons.Material.Filled.UploadFile, [Roles.CentreClerk], 6),
        new("专业分类", "/experts/specialties", Icons.Material.Filled.AccountTree, [Roles.Admin], 7),
    ];

    public IReadOnlyList<HomePanel> Panels { get; } =
    [
        new("评标邀请", typeof(InvitationsPanel), [Roles.Expert], 30, 6),
    ];
}
