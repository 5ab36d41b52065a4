using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Data;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Tests.Support;

namespace NingxiaTrade.Tests.Features.Projects;

/// <summary>The export endpoint over HTTP and the supervisor's inbox through the real app's services, on the demo data.</summary>
public sealed class ProjectHttpTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public async Task Export_Clerk_ReturnsXlsxWithHeaderRowAndOwnCentresProjects()
    {
        using var client = factory.CreateCookieClient();
        var clerk = DemoAccount.ForRole(Roles.CentreClerk);
        await HttpLogin.LoginAsync(client, clerk.Email, clerk.Password);

        using var response = await client.GetAsync("/projects/export.xlsx?type=EngineeringBidding&region=640100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var book = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = book.Worksheet(1);
        Assert.Equal("项目编号", sheet.Cell(1, 1).GetString());
        Assert.Equal("当前环节", sheet.Cell(1, 8).GetString());
        var names = sheet.RowsUsed().Skip(1).Select(r => r.Cell(2).GetString()).ToList();
        Assert.Contains("银川市兴庆区某小学教学楼新建工程", names);
        Assert.All(sheet.RowsUsed().Skip(1), r => Assert.Equal("工程建设招标投标", r.Cell(3).GetString()));
        Assert.DoesNotContain("石嘴山市大武口区污水处理厂提标改造工程", names); // another centre's project
    }

    [Fact]
    public async Task Export_Bidder_Refused()
    {
        using var client = factory.CreateCookieClient();
        var bidder = DemoAccount.ForRole(Roles.Bidder);
        await HttpLogin.LoginAsync(client, bidder.Email, bidder.Password);

        using var response = await client.GetAsync("/projects/export.xlsx");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Export_BadDate_RefusedInChinese()
    {
        using var client = factory.CreateCookieClient();
        var clerk = DemoAccount.ForRole(Roles.CentreClerk);
        await HttpLogin.LoginAsync(client, clerk.Email, clerk.Password);

        using var response = await client.GetAsync("/projects/export.xlsx?from=2026-13-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("yyyy-MM-dd", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Inbox_DemoSupervisor_ReturnThenApprove_MovesOnlyOnApproval()
    {
        var id = await RegisterAndRequestAsync();
        await using var supervisor = await ScopeOfAsync(Roles.Supervisor);
        var workflow = supervisor.Get<ProjectWorkflowService>();
        var item = Assert.Single(await workflow.InboxAsync(), i => i.Request.ProjectId == id);
        Assert.Equal("招标方案核准/备案", item.FromStepName);
        Assert.Equal("招标公告（招标文件发售）", item.ToStepName);

        var tooShort = await Assert.ThrowsAsync<DomainException>(() => workflow.DecideAsync(item.Request.Id, false, "否"));
        Assert.Equal("请填写审批意见（2至2000个字符）。", tooShort.Message);
        await workflow.DecideAsync(item.Request.Id, false, "招标公告未载明资格条件，请补充后重新提交。");

        var returned = await supervisor.Get<ProjectRegistration>().GetAsync(id);
        Assert.Equal("PlanApproval", returned.Project.CurrentStep);
        Assert.Null(returned.PendingApproval);
        Assert.Equal("审批退回：发布招标公告", returned.History[^1].Action);
        Assert.DoesNotContain(await workflow.InboxAsync(), i => i.Request.ProjectId == id);

        await RequestAsync(id);
        var again = Assert.Single(await workflow.InboxAsync(), i => i.Request.ProjectId == id);
        await workflow.DecideAsync(again.Request.Id, true, "同意发布招标公告。");

        var approved = await supervisor.Get<ProjectRegistration>().GetAsync(id);
        Assert.Equal("Notice", approved.Project.CurrentStep);
        Assert.Equal("审批通过：发布招标公告", approved.History[^1].Action);
        Assert.Equal("同意发布招标公告。", approved.History[^1].Opinion);
    }

    private async Task<Guid> RegisterAndRequestAsync()
    {
        await using var clerk = await ScopeOfAsync(Roles.CentreClerk);
        var db = clerk.Get<TradeDbContext>();
        var centre = await db.TradingCentres.Where(c => c.RegionCode == "640100").Select(c => c.Id).SingleAsync();
        var department = await db.SupervisingDepartments.Where(d => d.ShortName == "住房城乡建设厅").Select(d => d.Id).SingleAsync();
        // The clerk picks the tenderer from the registry, as the autocomplete does.
        var tenderer = Assert.Single(await clerk.Get<MarketEntityDirectory>().SearchApprovedAsync("银川市兴庆区教育局"));
        var id = await clerk.Get<ProjectRegistration>().RegisterAsync(new ProjectForm("银川市某社区卫生服务中心改扩建工程", "640100", centre,
            TradeType.EngineeringBidding, TradeMethod.OpenTender, tenderer.Id, null, department, Money.FromYuan(2_000_000m), null, null, null,
            [new LotForm("施工", Money.FromYuan(2_000_000m), Money.FromYuan(40_000m), null)]));
        await FireAsync(clerk, id, "SubmitPlan");
        await FireAsync(clerk, id, "PublishNotice");
        return id;
    }

    private async Task RequestAsync(Guid id)
    {
        await using var clerk = await ScopeOfAsync(Roles.CentreClerk);
        await FireAsync(clerk, id, "PublishNotice");
    }

    private static async Task FireAsync(AppScope scope, Guid id, string trigger) =>
        await scope.Get<ProjectWorkflowService>().FireAsync(id, trigger, (await scope.Get<ProjectRegistration>().GetAsync(id)).Project.Revision);

    /// <summary>A scope acting as the demo account of <paramref name="role"/> (its real user id, so its organisation applies).</summary>
    private async Task<AppScope> ScopeOfAsync(string role)
    {
        var account = DemoAccount.ForRole(role);
        await using var lookup = factory.Services.CreateAsyncScope();
        var user = await lookup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(account.Email);
        return new AppScope(factory, role, account.Email, user!.Id);
    }
}
