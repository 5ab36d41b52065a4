using Microsoft.EntityFrameworkCore;
using NingxiaTrade.Domain.Accounts;
using NingxiaTrade.Domain.Common;
using NingxiaTrade.Domain.MarketEntities;

namespace NingxiaTrade.Tests.Domain.MarketEntities;

/// <summary>Issue 9 item 11: an approved entity's key data changes only through review, with old and new kept.</summary>
public class KeyDataChangeTests : MarketEntityTestBase
{
    private static MarketEntityDetails RaisedGradeAndNewAccount() => Details() with
    {
        RegisteredAddress = "吴忠市利通区明珠路 1 号",
        BankAccounts = [new BankAccountForm("宁夏银行吴忠分行", "吴忠市恒达建设工程有限公司", "6228 4800 1234 5678")],
        Qualifications = [new QualificationForm("建筑工程施工总承包", "一级", "D164012345", "中华人民共和国住房和城乡建设部", new DateOnly(2030, 12, 31))],
    };

    [Fact]
    public async Task Save_ApprovedEntityRaisesGradeAndChangesAccount_PendingChangeAndOldDataInForce()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        var parts = await Registry.SaveAsync(id, RaisedGradeAndNewAccount(), "取得一级资质，基本户变更");

        Assert.Equal(KeyDataParts.BankAccounts | KeyDataParts.Qualifications, parts);
        var mine = (await Registry.MineAsync())!;
        Assert.Equal(MarketEntityStatus.Approved, mine.Entity.Status);
        Assert.Equal("二级", Assert.Single(mine.Entity.Qualifications).Grade);
        Assert.Equal("104000123456789", Assert.Single(mine.Entity.BankAccounts).AccountNumber);
        Assert.Equal("吴忠市利通区明珠路 1 号", mine.Entity.RegisteredAddress);
        var change = mine.PendingChange!;
        Assert.Equal("二级", Assert.Single(change.Before.Qualifications).Grade);
        Assert.Equal("一级", Assert.Single(change.After.Qualifications).Grade);
        Assert.Equal("6228480012345678", Assert.Single(change.After.BankAccounts).AccountNumber);
        Assert.Equal(["银行账户", "资质"], change.Differences().Select(d => d.Label));
        Assert.Contains(mine.Reviews, r => r.Action == ReviewAction.ChangeRequested && r.Note!.Contains("银行账户，资质；原因：取得一级资质"));
    }

    [Fact]
    public async Task Save_ApprovedEntityKeyChangeWithoutReason_RefusedAndNothingSaved()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Registry.SaveAsync(id, RaisedGradeAndNewAccount()));

        Assert.Equal("请填写变更原因（2至1000个字符）。", refusal.Message);
        var mine = (await Registry.MineAsync())!;
        Assert.Equal("吴忠市利通区裕民西街 18 号", mine.Entity.RegisteredAddress);
        Assert.Empty(mine.Changes);
    }

    [Fact]
    public async Task Edit_ApprovedEntityKeyDataDirectly_RefusedNamingTheParts()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        await using var db = Database.CreateDbContext();
        var entity = await db.MarketEntities.Include(e => e.Contacts).Include(e => e.BankAccounts).Include(e => e.Qualifications).Include(e => e.KeyStaff)
            .SingleAsync(e => e.Id == id);

        var refusal = Assert.Throws<DomainException>(() => entity.Edit(RaisedGradeAndNewAccount()));

        Assert.Equal("银行账户、资质属于关键信息，须填写变更原因提交变更申请，经交易中心审核后生效。", refusal.Message);
        Assert.Equal("二级", entity.Qualifications.Single().Grade);
    }

    [Fact]
    public async Task Save_SecondKeyChangeWhilePending_Refused()
    {
        var (id, _, _) = await ApprovedEntityAsync();
        await Registry.SaveAsync(id, RaisedGradeAndNewAccount(), "取得一级资质");

        var staff = Details() with { KeyStaff = [new KeyStaffForm("王建国", IdNumber.Generate("640302", new DateOnly(1980, 2, 2), 11).Value, null)] };
        var refusal = await Assert.ThrowsAsync<DomainException>(() => Registry.SaveAsync(id, staff, "项目经理调整"));

        Assert.Contains("已有一项关键信息变更申请正在审核中", refusal.Message);
        Assert.Single((await Registry.MineAsync())!.Changes);
    }

    [Fact]
    public async Task ApproveChange_KeyStaffAndAccount_AppliedWithHistory()
    {
        var (id, user, _) = await ApprovedEntityAsync();
        var newStaff = new KeyStaffForm("王建国", IdNumber.Generate("640302", new DateOnly(1980, 2, 2), 11).Value, "一级注册建造师（市政公用工程）宁164161900001");
        await Registry.SaveAsync(id, RaisedGradeAndNewAccount() with { KeyStaff = [newStaff] }, "取得一级资质，项目经理调整");

        ActAsClerk("640100");
        var item = Assert.Single(await Reviews.QueueAsync(), q => q.ChangeId is not null);
        Assert.Equal("关键信息变更：银行账户，资质，关键人员", item.Summary);
        await Reviews.ApproveChangeAsync(item.ChangeId!.Value, "材料齐全");

        ActAs(Roles.Bidder, user);
        var mine = (await Registry.MineAsync())!;
        Assert.Equal(MarketEntityStatus.Approved, mine.Entity.Status);
        Assert.Equal("一级", mine.Entity.Qualifications.Single().Grade);
        Assert.Equal("6228480012345678", mine.Entity.BankAccounts.Single().AccountNumber);
        Assert.Equal("王建国", mine.Entity.KeyStaff.Single().Name);
        var change = Assert.Single(mine.Changes);
        Assert.Equal(ChangeStatus.Approved, change.Status);
        Assert.Equal("104000123456789", change.Before.BankAccounts.Single().AccountNumber);
        Assert.Contains(mine.Reviews, r => r.Action == ReviewAction.ChangeApproved && r.Note!.StartsWith("银行账户，资质，关键人员"));
    }

    [Fact]
    public async Task ReturnChange_KeyData_OldDataKeptAndNewRequestPossible()
    {
        var (id, user, _) = await ApprovedEntityAsync();
        await Registry.SaveAsync(id, RaisedGradeAndNewAccount(), "取得一级资质");

        ActAsClerk();
        var item = Assert.Single(await Reviews.QueueAsync(), q => q.ChangeId is not null);
        await Reviews.ReturnChangeAsync(item.ChangeId!.Value, "未附资质证书扫描件");

        ActAs(Roles.Bidder, user);
        var mine = (await Registry.MineAsync())!;
        Assert.Equal("二级", mine.Entity.Qualifications.Single().Grade);
        Assert.Equal("104000123456789", mine.Entity.BankAccounts.Single().AccountNumber);
        Assert.Equal(ChangeStatus.Returned, mine.Changes.Single().Status);
        Assert.Equal(KeyDataParts.BankAccounts | KeyDataParts.Qualifications, await Registry.SaveAsync(id, RaisedGradeAndNewAccount(), "补充资质证书后重新申请"));
    }

    [Fact]
    public async Task Save_ApprovedEntityOtherDataOnly_TakesEffectWithoutReview()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        var parts = await Registry.SaveAsync(id, Details() with { BusinessScope = "房屋建筑工程施工", BankAccounts = [new BankAccountForm("中国银行吴忠分行", "吴忠市恒达建设工程有限公司", "1040 0012 3456 789")] });

        Assert.Equal(KeyDataParts.None, parts);
        var mine = (await Registry.MineAsync())!;
        Assert.Equal("房屋建筑工程施工", mine.Entity.BusinessScope);
        Assert.Empty(mine.Changes);
    }

    [Fact]
    public async Task Save_KeyChangeByAnotherAccount_Refused()
    {
        var (other, _, _) = await ApprovedEntityAsync("其他公司有限公司");
        await ApprovedEntityAsync("本公司有限公司");

        await Assert.ThrowsAsync<AccessDeniedException>(() => Registry.SaveAsync(other, RaisedGradeAndNewAccount(), "冒名变更"));

        await using var db = Database.CreateDbContext();
        Assert.False(await db.MarketEntityChanges.AnyAsync(c => c.MarketEntityId == other));
    }

    [Fact]
    public async Task ChangeRequest_AuditedInSameTransaction()
    {
        var (id, _, _) = await ApprovedEntityAsync();

        await Registry.SaveAsync(id, RaisedGradeAndNewAccount(), "取得一级资质");

        await using var db = Database.CreateDbContext();
        var change = await db.MarketEntityChanges.SingleAsync(c => c.MarketEntityId == id);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(MarketEntityChange) && a.EntityKey == change.Id.ToString()));
    }
}
