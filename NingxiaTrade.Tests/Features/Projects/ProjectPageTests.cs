using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Bidding;
using NingxiaTrade.Domain.Calendar;
using NingxiaTrade.Domain.Credit;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.Organisations;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Projects;
using NingxiaTrade.Domain.Workflows;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Features.Projects.Pages;

namespace NingxiaTrade.Tests.Features.Projects;

/// <summary>The project page's action buttons, rendered with bUnit over the real services on a seeded SQLite database.</summary>
public sealed class ProjectPageTests : BunitContext, IAsyncLifetime
{
    private const string ClerkId = "test-centreclerk";
    private const string SupervisorId = "test-supervisor";

    private readonly TestDatabase _database = new();
    private readonly ProjectRegistration _registration;
    private readonly ProjectWorkflowService _workflow;

    public ProjectPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        var rules = new TradingRules();
        var engine = new WorkflowEngine(new CalendarWorkingDays(new WorkingDayCalendar(_database)), []);
        _registration = new ProjectRegistration(_database, _database.User, _database.Time, rules, new MarketEntityDirectory(_database, _database.User));
        _workflow = new ProjectWorkflowService(_database, _database.User, _database.Time, engine, [], NullLogger<ProjectWorkflowService>.Instance);
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(_database.Time);
        Services.AddSingleton<ICurrentUser>(_database.User);
        Services.AddSingleton(_registration);
        Services.AddSingleton(_workflow);
        Services.AddSingleton(new ProjectDutyService(_database, _database.User, _database.Time, new CalendarWorkingDays(new WorkingDayCalendar(_database))));
        Services.AddSingleton(rules);
        Services.AddSingleton(new OrganisationAdministration(_database, _database.User));
        Services.AddSingleton(new MarketEntityDirectory(_database, _database.User));
        var entities = new MarketEntityDirectory(_database, _database.User);
        Services.AddSingleton(new BiddingSettings());
        Services.AddSingleton(new TenderDocumentService(_database, _database.User, _database.Time, new ProjectDirectory(_database, _database.User),
            new CreditGate(_database, entities), entities,
            new SignatureService(_database, _database.User, _database.Time, new SealProtection(new SealSettings(), PlatformKeyRing.CreateNew())),
            new FileSystemDocumentStore(Path.Combine(Path.GetTempPath(), "nxt-page-docs")), new BiddingSettings()));
        Services.AddSingleton(new BidOpeningService(_database, _database.User, _database.Time, new ProjectDirectory(_database, _database.User), entities,
            new FileSystemBidFileStore(Path.Combine(Path.GetTempPath(), "nxt-page-bids")), new EscrowKeyAccess(null), PlatformKeyRing.CreateNew(), new BiddingSettings(),
            new OpeningRoomHub(), []));
        Services.AddSingleton(new DepositSettings());
        Services.AddSingleton(new DepositService(_database, _database.User, _database.Time, new ProjectDirectory(_database, _database.User),
            new CreditGate(_database, entities), entities, new ItemDuties(new CalendarWorkingDays(new WorkingDayCalendar(_database))), new DepositSettings()));
        Services.AddSingleton(new ClarificationService(_database, _database.User, _database.Time, new ProjectDirectory(_database, _database.User), entities,
            new SignatureService(_database, _database.User, _database.Time, new SealProtection(new SealSettings(), PlatformKeyRing.CreateNew())),
            new FileSystemDocumentStore(Path.Combine(Path.GetTempPath(), "nxt-page-docs")), new BiddingSettings(), _workflow, new WorkingDayCalendar(_database)));
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = _database.CreateDbContext();
        await ReferenceData.SeedAsync(db);
        await WorkflowDefinitionService.SeedDefaultsAsync(db, _database.Time.GetUtcNow().UtcDateTime);
        var centre = await db.TradingCentres.Where(c => c.RegionCode == "640100").Select(c => c.Id).SingleAsync();
        var department = await db.SupervisingDepartments.Where(d => d.ShortName == "住房城乡建设厅").Select(d => d.Id).SingleAsync();
        db.Users.AddRange(
            new ApplicationUser { Id = ClerkId, UserName = "centreclerk@test.cn", Email = "centreclerk@test.cn", TradingCentreId = centre },
            new ApplicationUser { Id = SupervisorId, UserName = "supervisor@test.cn", Email = "supervisor@test.cn", SupervisingDepartmentId = department });
        await db.SaveChangesAsync();
        Render<MudPopoverProvider>();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task ProjectPage_RegisteredProject_SubmitPlanEnabledWithoutReasons()
    {
        var id = await RegisterAsync();

        var page = RenderPage(id);

        var action = Action(page, "SubmitPlan");
        Assert.Equal("true", action.GetAttribute("data-allowed"));
        Assert.False(action.QuerySelector("button.action-button")!.HasAttribute("disabled"));
        Assert.Equal("提交招标方案", action.QuerySelector("button.action-button")!.TextContent.Trim());
        Assert.Null(action.QuerySelector(".action-reasons"));
        Assert.Null(action.QuerySelector(".requires-approval"));
    }

    [Fact]
    public async Task ProjectPage_TransitionNeedingApproval_MarkedNeedsApproval()
    {
        var id = await RegisterAsync();
        await FireAsync(id, "SubmitPlan");

        var page = RenderPage(id);

        var action = Action(page, "PublishNotice");
        Assert.Equal("true", action.GetAttribute("data-allowed"));
        Assert.Equal("需审批", action.QuerySelector(".requires-approval")!.TextContent.Trim());
    }

    [Fact]
    public async Task ProjectPage_SuspendedProject_ShowsReasonAndEveryActionDisabled()
    {
        var id = await RegisterAsync();
        await _workflow.SuspendAsync(id, (await _registration.GetAsync(id)).Project.Revision, "收到对招标方案的异议，答复前暂停");

        var page = RenderPage(id);

        Assert.Contains("收到对招标方案的异议，答复前暂停", page.Find("#project-suspended").TextContent);
        Assert.Contains("第五十四条第二款", page.Find("#project-suspended").TextContent);
        Assert.NotNull(page.Find("#resume-project"));
        var submit = Action(page, "SubmitPlan");
        Assert.Equal("false", submit.GetAttribute("data-allowed"));
        Assert.Contains("解除暂停前不得办理", submit.QuerySelector(".action-reasons")!.TextContent);
    }

    [Fact]
    public async Task ProjectPage_DocumentSaleNotOver_CloseSaleDisabledWithLegalReason()
    {
        var id = await PublishedAsync();
        _database.User.As(Roles.CentreClerk).UserId = ClerkId;

        var page = RenderPage(id);

        var action = Action(page, "CloseDocumentSale");
        Assert.Equal("false", action.GetAttribute("data-allowed"));
        Assert.True(action.QuerySelector("button.action-button")!.HasAttribute("disabled"));
        var reason = Assert.Single(action.QuerySelectorAll(".action-reasons li")).TextContent;
        Assert.StartsWith("“招标公告（招标文件发售）”期限5日，自次日起算", reason);
        Assert.Contains("《招标投标法实施条例》第十六条", reason);
    }

    [Fact]
    public async Task ProjectPage_PublishedProject_DepositListForClerkWithImportSupervisorReadsOnly()
    {
        var id = await PublishedAsync();

        var supervisorPage = RenderPage(id);
        Assert.Equal("暂无投标人缴纳保证金", supervisorPage.Find("#deposit-list .table-empty").TextContent);
        Assert.Empty(supervisorPage.FindAll(".deposit-statement-import"));
        _database.User.As(Roles.CentreClerk).UserId = ClerkId;
        var clerkPage = RenderPage(id);
        Assert.Single(clerkPage.FindAll(".deposit-statement-import"));
    }

    [Fact]
    public async Task ProjectPage_PendingApproval_EveryActionDisabledWithReason()
    {
        var id = await RegisterAsync();
        await FireAsync(id, "SubmitPlan");
        await FireAsync(id, "PublishNotice");

        var page = RenderPage(id);

        Assert.Contains("等待审批中", page.Find("#pending-approval").TextContent);
        Assert.All(page.FindAll(".workflow-action"), a =>
        {
            Assert.True(a.QuerySelector("button.action-button")!.HasAttribute("disabled"));
            Assert.Contains("本项目有事项正在等待行政监督部门审批", a.QuerySelector(".action-reasons")!.TextContent);
        });
    }

    [Fact]
    public async Task ProjectPage_LotsMovingSeparately_EachLotWithItsStepDeadlineAndOwnActions()
    {
        var id = await RegisterAsync([new LotForm("教学楼施工", Money.FromYuan(600_000m), Money.FromYuan(10_000m), null),
            new LotForm("监理服务", Money.FromYuan(300_000m), Money.FromYuan(5_000m), null)]);
        await FireAsync(id, "SubmitPlan");
        await FireAsync(id, "PublishNotice");
        _database.User.As(Roles.Supervisor).UserId = SupervisorId;
        await _workflow.DecideAsync((await _registration.GetAsync(id)).Project.PendingApprovalId!.Value, true, "同意发布。");
        _database.User.As(Roles.CentreClerk).UserId = ClerkId;
        var deadline = ChinaTime.ToUtc(ChinaTime.ToChina(_database.Time.GetUtcNow().UtcDateTime).Date.AddDays(25).AddHours(9));
        await _workflow.SetBidDeadlineAsync(id, (await _registration.GetAsync(id)).Project.Revision, deadline);
        _database.Time.Advance(TimeSpan.FromDays(7));
        await FireAsync(id, "CloseDocumentSale");

        var page = RenderPage(id);

        Assert.Contains("各标段分别开标、评标", page.Find("#lots-separately").TextContent);
        Assert.Equal(["投标", "投标"], page.FindAll("#project-lots .lot-step").Select(c => c.TextContent.Trim()));
        var lot2 = page.Find("#lot-flow-2");
        Assert.Contains("第2标段（监理服务）", lot2.TextContent);
        Assert.Equal(ChinaTime.Format(deadline), lot2.QuerySelector("#bid-deadline-value-lot-2")!.TextContent.Trim());
        Assert.NotNull(lot2.QuerySelector("#workflow-actions-lot-2 .workflow-action[data-trigger=OpenBids]"));
        Assert.Equal("终止本标段", lot2.QuerySelector(".workflow-action[data-trigger=Terminate] button")!.TextContent.Trim());
        Assert.Empty(page.FindAll("#workflow-actions"));
    }

    /// <summary>An engineering project whose notice the supervisor approved: in 招标公告, the tender documents issued; the supervisor acts.</summary>
    private async Task<Guid> PublishedAsync()
    {
        var id = await RegisterAsync();
        await FireAsync(id, "SubmitPlan");
        await FireAsync(id, "PublishNotice");
        _database.User.As(Roles.Supervisor).UserId = SupervisorId;
        await _workflow.DecideAsync((await _registration.GetAsync(id)).Project.PendingApprovalId!.Value, true, "同意发布。");
        return id;
    }

    private IRenderedComponent<ProjectPage> RenderPage(Guid id)
    {
        var page = Render<ProjectPage>(p => p.Add(c => c.Id, id));
        page.WaitForState(() => page.FindAll(".workflow-action").Count > 0);
        return page;
    }

    [Fact]
    public void EditPage_EmptyFormSubmitted_EveryRequiredFieldMarkedAtOnceWithSummary()
    {
        _database.User.As(Roles.CentreClerk).UserId = ClerkId;
        var page = Render<ProjectEditPage>();
        page.WaitForState(() => page.FindAll("#project-form").Count > 0);

        page.Find("#project-form").Submit();

        page.WaitForState(() => page.FindAll("#form-errors li").Count > 0);
        var summary = page.FindAll("#form-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(
            ["请填写项目名称。", "请选择行政区划。", "请选择交易中心。", "请选择行政监督部门。", "请从市场主体库中选择招标人。",
             "请填写项目估算价。", "第1标段：请填写名称。", "第1标段：请填写估算价。"],
            summary);
        // Each message also sits beside its own field, which is marked in error.
        var marked = page.FindAll(".mud-input-control.mud-input-error").Count;
        Assert.Equal(summary.Count, marked);
        foreach (var message in summary)
        {
            Assert.Contains(page.FindAll(".mud-input-helper-text.mud-input-error"), h => h.TextContent.Contains(message, StringComparison.Ordinal));
        }
    }

    private static AngleSharp.Dom.IElement Action(IRenderedComponent<ProjectPage> page, string trigger) =>
        page.Find($".workflow-action[data-trigger={trigger}]");

    private async Task<Guid> RegisterAsync(IReadOnlyList<LotForm>? lots = null)
    {
        _database.User.As(Roles.CentreClerk).UserId = ClerkId;
        await using var db = _database.CreateDbContext();
        var centre = await db.TradingCentres.Where(c => c.RegionCode == "640100").Select(c => c.Id).SingleAsync();
        var department = await db.SupervisingDepartments.Where(d => d.ShortName == "住房城乡建设厅").Select(d => d.Id).SingleAsync();
        var tenderer = TestEntities.Create("银川市某区教育局", centre, new Random(3), _database.Time.GetUtcNow().UtcDateTime);
        db.MarketEntities.Add(tenderer);
        await db.SaveChangesAsync();
        return await _registration.RegisterAsync(new ProjectForm("银川市某小学教学楼新建工程", "640100", centre, TradeType.EngineeringBidding,
            TradeMethod.OpenTender, tenderer.Id, null, department, Money.FromYuan(1_000_000m), null, null, null,
            lots ?? [new LotForm("施工", Money.FromYuan(1_000_000m), Money.FromYuan(20_000m), null)]));
    }

    private async Task FireAsync(Guid id, string trigger) =>
        await _workflow.FireAsync(id, trigger, (await _registration.GetAsync(id)).Project.Revision);
}
