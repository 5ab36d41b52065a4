using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NingxiaTrade.Workbench.Infrastructure;

namespace NingxiaTrade.Tests.Support;

/// <summary>A DI scope of the real app acting as a given role, for calling its services directly.</summary>
public sealed class AppScope : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    public AppScope(WorkbenchFactory factory, string? role, string userName = "tester@test.cn", string? userId = null)
    {
        _scope = factory.Services.CreateAsyncScope();
        var identity = role is null
            ? new ClaimsIdentity()
            : new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, userId ?? "test-" + role), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)],
                "test");
        _scope.ServiceProvider.GetRequiredService<WorkbenchCurrentUser>().Override = new ClaimsPrincipal(identity);
    }

    public T Get<T>() where T : notnull => _scope.ServiceProvider.GetRequiredService<T>();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();
}
