using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using NingxiaTrade.Workbench.Components.Shared;

namespace NingxiaTrade.Tests.Features.Shell;

/// <summary>The one credit-code input: a pasted code with blanks keeps all 18 characters (issue 9 item 17).</summary>
public sealed class CreditCodeFieldTests : BunitContext
{
    public CreditCodeFieldTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void Paste_CodeWithBlanks_BoundValueNormalisedWithAllEighteenCharacters()
    {
        string? bound = null;
        var field = Render<CreditCodeField>(p => p
            .Add(f => f.Value, bound)
            .Add(f => f.ValueChanged, v => bound = v)
            .Add(f => f.Required, true));
        var input = field.Find("input");

        // No 18-character maxlength: the browser would cut "9135 0100 M000 100Y 43" (22 characters) before normalising.
        Assert.True(!input.HasAttribute("maxlength") || int.Parse(input.GetAttribute("maxlength")!) > 100, input.OuterHtml);
        input.Change("9135 0100 m000 100y 43");

        Assert.Equal("91350100M000100Y43", bound);
        field.WaitForAssertion(() => Assert.Empty(field.FindAll(".mud-input-error")));
    }

    [Fact]
    public void Change_WrongCheckCharacter_NamesTheRuleInChinese()
    {
        string? bound = null;
        var field = Render<CreditCodeField>(p => p
            .Add(f => f.ValueChanged, v => bound = v)
            .Add(f => f.Required, true));

        field.Find("input").Change("91350100M000100Y44");

        Assert.Equal("91350100M000100Y44", bound);
        field.WaitForAssertion(() => Assert.Contains("校验码错误", field.Markup));
    }
}
