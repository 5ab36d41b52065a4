using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.MarketEntities;

public class MarketEntityRegistryTests : MarketEntityTestBase
{
    [Fact]
    public async Task Register_NewBidder_DraftLinkedToAccount()
    {
        var user = await ActAsNewAccountAsync();

        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));

        var mine = await Registry.MineAsync();
        Assert.Equal(id, mine!.Entity.Id);
        Assert.Equal(MarketEntityStatus.Draft, mine.Entity.Status);
        Assert.Equal("吴忠市公共资源交易中心", mine.RegistrationCentre);
        Assert.Single(mine.Entity.Qualifications);
        await using var db = Database.CreateDbContext();
        Assert.Equal(id, (await db.Users.SingleAsync(u => u.Id == user)).MarketEntityId);
    }

    [Fact]
    public async Task Register_MalformedCode_RefusedWithRule()
    {
        await ActAsNewAccountAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(async () => await
            Registry.RegisterAsync(new RegistrationStart("91640300MA7612345", await CentreIdAsync("640300"), Details())));

        Assert.StartsWith("长度错误", refusal.Message);
    }

    [Fact]
    public async Task Register_CodeAlreadyRegistered_RefusedNamingExistingEntityAndCentre()
    {
        var (_, _, code) = await ApprovedEntityAsync("吴忠市恒达建设工程有限公司");
        await ActAsNewAccountAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(async () =>
            await Registry.RegisterAsync(new RegistrationStart(code.Value, await CentreIdAsync("640100"), Details("另一家公司"))));

        Assert.Contains($"统一社会信用代码 {code} 已由“吴忠市恒达建设工程有限公司”在吴忠市公共资源交易中心登记（已通过）", refusal.Message);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.MarketEntities.CountAsync());
    }

    [Fact]
    public async Task Register_SecondEntityForOneAccount_Refused()
    {
        await ActAsNewAccountAsync();
        await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));

        var refusal = await Assert.ThrowsAsync<DomainException>(async () =>
            await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details("第二家"))));

        Assert.Contains("一个账户只能登记一个市场主体", refusal.Message);
    }

    [Fact]
    public async Task Register_BadIdNumberOfLegalRepresentative_Refused()
    {
        await ActAsNewAccountAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(async () =>
            await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details(legalId: "640302197203140371"))));

        Assert.StartsWith("法定代表人身份证号码", refusal.Message);
        Assert.Contains("校验码错误", refusal.Message);
    }

    [Fact]
    public async Task Submit_FirstTimeWithoutPin_Refused()
    {
        await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Registry.SubmitAsync(id, null));

        Assert.Contains("电子签章 PIN", refusal.Message);
    }

    [Theory]
    [InlineData("12345", "签章 PIN 应为6至12位数字。")]
    [InlineData("1234567890123", "签章 PIN 应为6至12位数字。")]
    [InlineData("12a456", "签章 PIN 应为6至12位数字。")]
    [InlineData("123456", "签章 PIN 过于简单（相同或连续的数字），请重新设置。")]
    [InlineData("888888", "签章 PIN 过于简单（相同或连续的数字），请重新设置。")]
    public async Task Submit_BadPin_RefusedAndNothingSubmitted(string pin, string message)
    {
        await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Registry.SubmitAsync(id, pin));

        Assert.Equal(message, refusal.Message);
        Assert.Equal(MarketEntityStatus.Draft, (await Registry.MineAsync())!.Entity.Status);
    }

    [Fact]
    public async Task Approve_ByClerkInWuzhong_SeenByClerkInYinchuanWithSealPublished()
    {
        var user = await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));
        await Registry.SubmitAsync(id, Pin);

        ActAsClerk("640300");
        Assert.Contains(await Reviews.QueueAsync(), q => q.EntityId == id && q.ChangeId is null);
        await Reviews.ApproveAsync(id, "材料齐全");

        ActAsClerk("640100");
        var found = await Directory.ListAsync(new MarketEntityQuery(Text: "恒达"));
        var row = Assert.Single(found.Items);
        Assert.Equal(MarketEntityStatus.Approved, row.Status);
        var view = await Directory.GetAsync(id);
        Assert.Equal("吴忠市公共资源交易中心", view.ApprovedByCentre);
        Assert.NotNull(view.Seal?.PublishedUtc);
        Assert.Equal(130, view.Seal!.PublicKeyHex.Length);
        Assert.Equal(
            [ReviewAction.Submitted, ReviewAction.Approved, ReviewAction.SealIssued],
            view.Reviews.Select(r => r.Action));
        Assert.DoesNotContain(await Reviews.QueueAsync(), q => q.EntityId == id);
    }

    [Fact]
    public async Task SubmitAndApprove_ReviewHistory_NamesPeopleNotTheirEmail()
    {
        await ActAsNewAccountAsync();
        Database.User.DisplayName = "马志刚";
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));
        await Registry.SubmitAsync(id, Pin);
        ActAsClerk("640300");
        Database.User.DisplayName = "李娜";

        await Reviews.ApproveAsync(id, "材料齐全");

        var reviews = (await Directory.GetAsync(id)).Reviews;
        Assert.Equal("马志刚", reviews.Single(r => r.Action == ReviewAction.Submitted).UserName);
        Assert.Equal("李娜", reviews.Single(r => r.Action == ReviewAction.Approved).UserName);
        Assert.DoesNotContain(reviews, r => r.UserName.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Return_WithReasons_OwnerEditsAndResubmitsWithoutNewPin()
    {
        var user = await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));
        await Registry.SubmitAsync(id, Pin);
        ActAsClerk();
        await Assert.ThrowsAsync<DomainException>(() => Reviews.ReturnAsync(id, " "));
        await Reviews.ReturnAsync(id, "营业执照复印件不清晰");

        ActAs(Roles.Bidder, user);
        var mine = await Registry.MineAsync();
        Assert.Equal(MarketEntityStatus.Returned, mine!.Entity.Status);
        Assert.Equal("营业执照复印件不清晰", mine.Reviews.Last().Note);
        await Registry.SaveAsync(id, Details("吴忠市恒达建设工程有限责任公司"));
        await Registry.SubmitAsync(id, null);

        Assert.Equal(MarketEntityStatus.PendingReview, (await Registry.MineAsync())!.Entity.Status);
    }

    [Fact]
    public async Task Save_WhilePendingReview_Refused()
    {
        await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));
        await Registry.SubmitAsync(id, Pin);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Registry.SaveAsync(id, Details()));

        Assert.Equal("登记信息正在审核中，审核完成前不能修改。", refusal.Message);
    }

    [Fact]
    public async Task Save_ApprovedEntityChangesName_RefusedButOtherDataSaved()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        await Assert.ThrowsAsync<DomainException>(() => Registry.SaveAsync(id, Details("新名称有限公司")));
        await Registry.SaveAsync(id, Details() with { RegisteredAddress = "吴忠市利通区明珠路 1 号" });

        var mine = await Registry.MineAsync();
        Assert.Equal("吴忠市利通区明珠路 1 号", mine!.Entity.RegisteredAddress);
        Assert.Equal(MarketEntityStatus.Approved, mine.Entity.Status);
    }

    [Fact]
    public async Task RequestChange_Approved_NameChangesWithHistory()
    {
        var (id, user, _) = await ApprovedEntityAsync();
        var newLegal = IdNumber.Generate("640302", new DateOnly(1980, 1, 5), 12).Value;
        await Registry.RequestChangeAsync(id, "宁夏恒达建设集团有限公司", "杨丽", newLegal, "公司更名并变更法定代表人");
        await Assert.ThrowsAsync<DomainException>(() => Registry.RequestChangeAsync(id, "又一个名称", "杨丽", newLegal, "再次变更"));

        ActAsClerk("640100");
        var item = Assert.Single(await Reviews.QueueAsync(), q => q.ChangeId is not null);
        Assert.Contains("名称“吴忠市恒达建设工程有限公司”→“宁夏恒达建设集团有限公司”", item.Summary);
        await Reviews.ApproveChangeAsync(item.ChangeId!.Value);

        ActAs(Roles.Bidder, user);
        var mine = await Registry.MineAsync();
        Assert.Equal("宁夏恒达建设集团有限公司", mine!.Entity.Name);
        Assert.Equal("杨丽", mine.Entity.LegalRepresentativeName);
        var change = Assert.Single(mine.Changes);
        Assert.Equal(ChangeStatus.Approved, change.Status);
        Assert.Equal("吴忠市恒达建设工程有限公司", change.OldName);
        Assert.Contains(mine.Reviews, r => r.Action == ReviewAction.ChangeApproved && r.CentreName == "银川市公共资源交易中心");
    }

    [Fact]
    public async Task RequestChange_Returned_KeyDataUnchanged()
    {
        var (id, user, _) = await ApprovedEntityAsync();
        await Registry.RequestChangeAsync(id, "宁夏恒达建设集团有限公司", "马志刚", Details().LegalRepresentativeIdNumber, "公司更名");

        ActAsClerk();
        var item = Assert.Single(await Reviews.QueueAsync(), q => q.ChangeId is not null);
        await Reviews.ReturnChangeAsync(item.ChangeId!.Value, "缺少市场监管部门的变更通知书");

        ActAs(Roles.Bidder, user);
        var mine = await Registry.MineAsync();
        Assert.Equal("吴忠市恒达建设工程有限公司", mine!.Entity.Name);
        Assert.Equal(ChangeStatus.Returned, mine.Changes.Single().Status);
    }

    [Fact]
    public async Task Access_BidderOpensOtherEntity_Refused()
    {
        var (other, _, _) = await ApprovedEntityAsync("其他公司有限公司");
        var (own, _, _) = await ApprovedEntityAsync("本公司有限公司");

        Assert.Equal(own, (await Directory.GetAsync(own)).Entity.Id);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Directory.GetAsync(other));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Registry.SaveAsync(other, Details("其他公司有限公司")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Directory.ListAsync(new MarketEntityQuery()));
    }

    [Fact]
    public async Task Review_ByBidder_Refused()
    {
        await ActAsNewAccountAsync();
        var id = await Registry.RegisterAsync(new RegistrationStart(NewCode().Value, await CentreIdAsync("640300"), Details()));
        await Registry.SubmitAsync(id, Pin);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Reviews.ApproveAsync(id));
    }

    [Fact]
    public async Task List_ServerPaging_CountsAllPagesOne()
    {
        for (var i = 0; i < 5; i++)
        {
            await ApprovedEntityAsync($"测试公司{i}有限公司");
        }
        ActAsClerk();

        var page = await Directory.ListAsync(new MarketEntityQuery(Page: 1, PageSize: 2));

        Assert.Equal(5, page.TotalCount);
        Assert.Equal(["测试公司2有限公司", "测试公司3有限公司"], page.Items.Select(i => i.Name));
    }
}
