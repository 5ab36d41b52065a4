using Bunit;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Domain.MarketEntities;
using NingxiaTrade.Workbench.Features.MarketEntities;
using NingxiaTrade.Workbench.Features.MarketEntities.Components;

namespace NingxiaTrade.Tests.Features.MarketEntities;

/// <summary>The market-entity registration form marks every wrong field at once and lists them, rendered with bUnit.</summary>
public sealed class EntityFormTests : BunitContext
{
    public EntityFormTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Render<MudPopoverProvider>();
    }

    [Fact]
    public async Task ValidateAsync_SeveralBadFields_EveryMessageShownAtOnceAndRefused()
    {
        var model = new EntityFormModel
        {
            CreditCode = "91640100MA76XXXX1",
            RegistrationCentreId = null,
            Name = "",
            LegalRepresentativeName = "张",
            LegalRepresentativeIdNumber = "640104197013010000",
            RegisteredAddress = "",
            Contacts = [new() { Kind = ContactKind.Phone, Value = "abc" }],
            BankAccounts = [new() { BankName = "宁夏银行", AccountName = "某公司", AccountNumber = "12AB" }],
            KeyStaff = [new() { Name = "", IdNumber = "" }],
        };
        var form = Render<EntityForm>(p => p.Add(f => f.Model, model).Add(f => f.IsNew, true));

        var valid = await form.InvokeAsync(() => form.Instance.ValidateAsync());

        Assert.False(valid);
        var summary = form.FindAll("#entity-form-errors li").Select(li => li.TextContent.Trim()).ToList();
        var expected = model.Validate(isNew: true).Select(e => e.Message).ToList();
        Assert.Equal(expected, summary);
        Assert.Contains("请选择登记的交易中心。", summary);
        Assert.Contains("请填写名称。", summary);
        Assert.Contains("法定代表人姓名应为2至50个字符。", summary);
        Assert.Contains("请填写注册地址。", summary);
        Assert.Contains("联系电话“abc”格式不正确。", summary);
        Assert.Contains("第1个银行账户：银行账号应为8至32位数字。", summary);
        Assert.Contains("第1名关键人员：请填写姓名。", summary);
        Assert.Contains("第1名关键人员：请填写身份证号码。", summary);
        Assert.Contains("法定代表人身份证号码“640104197013010000”中的出生日期“19701301”无效。", summary);
        Assert.Equal(10, summary.Count);
        // Each message also sits beside its own field, which is marked in error.
        var helpers = form.FindAll(".mud-input-helper-text.mud-input-error").Select(h => h.TextContent).ToList();
        foreach (var message in summary)
        {
            Assert.Contains(helpers, h => h.Contains(message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ValidateAsync_CorrectedForm_AcceptedWithoutMarks()
    {
        var model = new EntityFormModel
        {
            CreditCode = NingxiaTrade.Domain.Common.CreditCode.Generate('9', '1', "640100", new Random(5)).Value,
            RegistrationCentreId = 1,
            Name = "宁夏某建设有限公司",
            LegalRepresentativeName = "张伟",
            LegalRepresentativeIdNumber = NingxiaTrade.Domain.Common.IdNumber.Generate("640104", new DateOnly(1970, 1, 1), 1).Value,
            RegisteredAddress = "银川市金凤区某路1号",
            Contacts = [new() { Kind = ContactKind.Phone, Value = "0951-1234567" }],
        };
        var form = Render<EntityForm>(p => p.Add(f => f.Model, model).Add(f => f.IsNew, true));

        var valid = await form.InvokeAsync(() => form.Instance.ValidateAsync());

        Assert.True(valid, string.Join(" | ", model.Validate(isNew: true).Select(e => e.Message)));
        Assert.Empty(form.FindAll("#entity-form-errors"));
    }
}
