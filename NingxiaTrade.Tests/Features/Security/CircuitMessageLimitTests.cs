using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NingxiaTrade.Domain.Rules;
using NingxiaTrade.Tests.Support;
using NingxiaTrade.Workbench.Security;

namespace NingxiaTrade.Tests.Features.Security;

/// <summary>The Blazor circuit accepts a message as large as the largest text field (a rule's 全文 at its maximum).</summary>
public class CircuitMessageLimitTests(WorkbenchFactory factory) : IClassFixture<WorkbenchFactory>
{
    [Fact]
    public void CircuitHub_MaximumReceiveMessageSize_FitsLargestTextField()
    {
        var hub = typeof(Microsoft.AspNetCore.Components.Server.CircuitOptions).Assembly
            .GetType("Microsoft.AspNetCore.Components.Server.ComponentHub", throwOnError: true)!;
        var options = factory.Services.GetRequiredService(typeof(IOptions<>).MakeGenericType(typeof(HubOptions<>).MakeGenericType(hub)));
        var hubOptions = (HubOptions)options.GetType().GetProperty("Value")!.GetValue(options)!;

        // Four UTF-8 bytes per character covers Chinese (three) and JSON escapes.
        Assert.True(hubOptions.MaximumReceiveMessageSize >= Rule.MaxFullTextLength * 4L,
            $"circuit message limit {hubOptions.MaximumReceiveMessageSize} < {Rule.MaxFullTextLength * 4L}");
        Assert.Equal(HardeningExtensions.LargestTextFieldBytes, hubOptions.MaximumReceiveMessageSize);
    }
}
