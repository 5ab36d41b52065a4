using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Domain.Notifications;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Tests.Domain.MarketEntities;
using NingxiaTrade.Tests.Domain.Rules;

namespace NingxiaTrade.Tests.Domain.Notifications;

/// <summary>Entity review: the entity's own accounts hear the decision; other entities' accounts do not.</summary>
public sealed class EntityReviewNotificationTests : MarketEntityTestBase
{
    private MarketEntityReviewService Service => new(Database, Database.User, Database.Time, NotificationKit.Notifier(Database));

    private async Task<(Guid Entity, string Account)> SubmittedAsync(string name)
    {
        var account = await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details(name)));
        await Registry.SubmitAsync(id, Pin);
        return (id, account);
    }

    [Fact]
    public async Task Approve_EntitysAccountToldOtherEntityNot()
    {
        var (entity, account) = await SubmittedAsync("吴忠市恒达建设工程有限公司");
        var (_, other) = await SubmittedAsync("吴忠市利通建筑安装有限公司");

        ActAsClerk();
        await Service.ApproveAsync(entity, "材料齐全");

        var message = Assert.Single(await NotificationKit.ReceivedAsync(Database, account));
        Assert.Equal((NotificationKind.EntityReviewDecided, "登记审核通过：吴忠市恒达建设工程有限公司", "/entities/mine"), (message.Kind, message.Title, message.Link));
        Assert.Contains("材料齐全", message.Body);
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, other));
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, "clerk-wz"));
    }

    [Fact]
    public async Task Return_EntitysAccountToldTheReasons()
    {
        var (entity, account) = await SubmittedAsync("吴忠市恒达建设工程有限公司");

        ActAsClerk();
        await Service.ReturnAsync(entity, "营业执照复印件不清晰");

        var message = Assert.Single(await NotificationKit.ReceivedAsync(Database, account));
        Assert.Equal("登记被退回：吴忠市恒达建设工程有限公司", message.Title);
        Assert.Contains("退回理由：营业执照复印件不清晰", message.Body);
    }

    [Fact]
    public async Task ReturnChange_EntitysAccountTold()
    {
        var (entity, account) = await SubmittedAsync("吴忠市恒达建设工程有限公司");
        ActAsClerk();
        await Service.ApproveAsync(entity);
        ActAs(Roles.Bidder, account);
        await Registry.RequestChangeAsync(entity, "宁夏恒达建设集团有限公司", "马志刚", Details().LegalRepresentativeIdNumber, "公司更名");

        ActAsClerk();
        var item = Assert.Single(await Service.QueueAsync(), q => q.ChangeId is not null);
        await Service.ReturnChangeAsync(item.ChangeId!.Value, "缺少变更通知书");

        var messages = await NotificationKit.ReceivedAsync(Database, account);
        Assert.Equal(["登记审核通过：吴忠市恒达建设工程有限公司", "关键信息变更被退回：吴忠市恒达建设工程有限公司"], messages.Select(m => m.Title));
    }

    [Fact]
    public async Task Return_WithoutReasons_RefusedAndNobodyTold()
    {
        var (entity, account) = await SubmittedAsync("吴忠市恒达建设工程有限公司");
        ActAsClerk();
        await Assert.ThrowsAsync<DomainException>(() => Service.ReturnAsync(entity, " "));
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, account));
    }
}

/// <summary>Rule review and public comment: the department that answers for the rule is told; other departments are not.</summary>
public sealed class RuleNotificationTests : RuleTestBase
{
    private RuleInventory Rules => new(Database, Database.User, Database.Time, NotificationKit.Notifier(Database));
    private PublicConsultation Comments => new(Database, Database.User, Database.Time, NotificationKit.Notifier(Database));

    private async Task GrantAsync()
    {
        await NotificationKit.GrantAsync(Database, Roles.Supervisor, Housing, Finance);
        await NotificationKit.GrantAsync(Database, Roles.LegalOfficer, Legal);
    }

    private async Task<Guid> SubmittedAsync()
    {
        await GrantAsync();
        As(Housing);
        return await Rules.CreateAsync(Form("宁夏回族自治区房屋建筑和市政基础设施工程招标代理机构管理办法", "宁建规发〔2019〕3号"), Keep);
    }

    [Fact]
    public async Task Decide_Returned_SubmittingDepartmentToldOtherNot()
    {
        var id = await SubmittedAsync();

        As(Legal);
        await Rules.DecideAsync(id, LegalityDecision.Return, "设定了代理机构备案。", "第五条以备案名义变相审批，请说明或修改。");

        var message = Assert.Single(await NotificationKit.ReceivedAsync(Database, Housing));
        Assert.Equal((NotificationKind.RuleReviewDecided, $"/rules/{id}"), (message.Kind, message.Link));
        Assert.StartsWith("规则被退回：", message.Title);
        Assert.Contains("第五条以备案名义变相审批", message.Body);
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, Finance));
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, Legal));
    }

    [Fact]
    public async Task Decide_PassedWithChanges_TitleSaysSo()
    {
        var id = await SubmittedAsync();

        As(Legal);
        await Rules.DecideAsync(id, LegalityDecision.PassWithChanges, "基本符合规定。", "第七条表述须与上位法一致。");

        Assert.Equal("规则审核修改后通过：宁夏回族自治区房屋建筑和市政基础设施工程招标代理机构管理办法",
            Assert.Single(await NotificationKit.ReceivedAsync(Database, Housing)).Title);
    }

    [Fact]
    public async Task OpenCommentPeriod_DepartmentsOfTheRulesToldOthersNot()
    {
        var id = await SubmittedAsync();

        As(Legal);
        var period = await Comments.OpenAsync("2026年规则清单征求意见", null, ChinaTime.StartOfDayUtc(D("2026-12-01")), ChinaTime.StartOfDayUtc(D("2026-12-31")), [id]);

        var message = Assert.Single(await NotificationKit.ReceivedAsync(Database, Housing));
        Assert.Equal((NotificationKind.CommentPeriodOpened, "征求意见：2026年规则清单征求意见", $"/rules/comments/{period}"), (message.Kind, message.Title, message.Link));
        Assert.Empty(await NotificationKit.ReceivedAsync(Database, Finance));
    }
}
