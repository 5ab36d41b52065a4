using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Tests.Domain.Projects;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Projects.Components;
using static NingxiaTrade.Tests.Support.ProjectHarness;

namespace NingxiaTrade.Tests.Features.Projects;

/// <summary>
/// The duties on screen (bUnit over the real services): the supervisor's home panel lists a contract not signed 30 days after
/// the award with 《招标投标法》第四十六条 (issue 10's done-when), only for its own department, and the project page's duty list.
/// </summary>
public sealed class DutyPanelTests : BunitContext, IAsyncLifetime
{
    private ProjectHarness _h = default!;
    private Guid _project;

    public DutyPanelTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public async ValueTask InitializeAsync()
    {
        _h = await CreateAsync();
        _project = await ProjectDutyTests.AwardedAsync(_h); // award notice issued 2026-12-21
        Services.AddSingleton<TimeProvider>(_h.Database.Time);
        Services.AddSingleton<ICurrentUser>(_h.User);
        Services.AddSingleton(_h.Duties());
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _h.DisposeAsync();
    }

    [Fact]
    public void OverduePanel_SupervisorThirtyOneDaysAfterAward_ShowsUnsignedContractWithItsBasis()
    {
        _h.SetChinaTime(new DateTime(2027, 1, 21, 0, 0, 0));
        _h.Act(SupervisorOf("发展改革委"));

        var panel = Render<OverdueDutiesPanel>();
        panel.WaitForState(() => panel.FindAll(".overdue-name").Count > 0);

        var row = panel.FindAll("tr").Single(r => r.QuerySelector(".overdue-name")?.TextContent == "签订书面合同");
        Assert.Equal("《招标投标法》第四十六条", row.QuerySelector(".overdue-basis")!.TextContent.Trim());
        Assert.Contains("2027-01-20 24时", row.TextContent);
        Assert.Equal("已逾期1日", row.QuerySelector(".overdue-days")!.TextContent.Trim());
        Assert.Contains(_project.ToString(), row.QuerySelector("a.overdue-project")!.GetAttribute("href"));
    }

    [Fact]
    public void OverduePanel_OtherDepartmentsSupervisor_EmptyStateMessage()
    {
        _h.SetChinaTime(new DateTime(2027, 1, 21, 0, 0, 0));
        _h.Act(SupervisorOf("财政厅"));

        var panel = Render<OverdueDutiesPanel>();
        panel.WaitForState(() => panel.FindAll(".overdue-empty").Count > 0);

        Assert.Empty(panel.FindAll(".overdue-name"));
        Assert.Equal("暂无逾期未履行事项。", panel.Find(".overdue-empty").TextContent.Trim());
    }

    [Fact]
    public void DutiesPanel_ClerkBeforeTheDeadline_StatusDueDateBasisAndRecordButton()
    {
        _h.SetChinaTime(new DateTime(2027, 1, 18, 9, 0, 0));
        _h.Act(YinchuanClerk);

        var panel = Render<DutiesPanel>(p => p.Add(c => c.ProjectId, _project));
        panel.WaitForState(() => panel.FindAll(".duty-name").Count > 0);

        var row = panel.FindAll("tr").Single(r => r.QuerySelector(".duty-name")?.GetAttribute("data-duty") == "SignContract");
        Assert.Equal("进行中", row.QuerySelector(".duty-status")!.TextContent.Trim());
        Assert.Contains("2027-01-20 24时", row.QuerySelector(".duty-due")!.TextContent);
        Assert.Contains("还剩2日", row.QuerySelector(".duty-due")!.TextContent);
        Assert.Equal("《招标投标法》第四十六条", row.QuerySelector(".duty-basis")!.TextContent.Trim());
        var refund = panel.FindAll("tr").Single(r => r.QuerySelector(".duty-name")?.GetAttribute("data-duty") == "RefundDeposits");
        Assert.Equal("未开始", refund.QuerySelector(".duty-status")!.TextContent.Trim());
        Assert.NotNull(panel.Find("#record-duty-event"));
    }

    [Fact]
    public void DutiesPanel_Supervisor_ReadsButCannotRecord()
    {
        _h.Act(SupervisorOf("发展改革委"));

        var panel = Render<DutiesPanel>(p => p.Add(c => c.ProjectId, _project));
        panel.WaitForState(() => panel.FindAll(".duty-name").Count > 0);

        Assert.Empty(panel.FindAll("#record-duty-event"));
    }
}
