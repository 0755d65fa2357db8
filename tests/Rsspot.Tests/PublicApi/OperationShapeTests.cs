using System.Reflection;
using Rsspot.Services;

namespace Rsspot.Tests.PublicApi;

/// <summary>The Azure SDK shape: every operation in both forms, both taking a CancellationToken, all virtual.</summary>
public sealed class OperationShapeTests
{
    public static TheoryData<string> Services() =>
    [
        .. ServiceTypes().Select(t => t.Name),
    ];

    [Theory]
    [MemberData(nameof(Services))]
    public void Every_operation_has_a_blocking_and_an_async_form_both_taking_a_CancellationToken(string service)
    {
        var type = ServiceTypes().Single(t => t.Name == service);
        var operations = Operations(type).ToList();
        var problems = new List<string>();
        foreach (var method in operations)
        {
            if (method.GetParameters().LastOrDefault()?.ParameterType != typeof(CancellationToken))
            {
                problems.Add($"{type.Name}.{method.Name} takes no CancellationToken last");
            }

            if (!method.IsVirtual || method.IsFinal)
            {
                problems.Add($"{type.Name}.{method.Name} is not virtual");
            }

            var isAsync = typeof(Task).IsAssignableFrom(method.ReturnType);
            var twinName = isAsync ? method.Name[..^"Async".Length] : method.Name + "Async";
            var parameters = method.GetParameters().Select(p => p.ParameterType).ToArray();
            var twin = operations.FirstOrDefault(m => m.Name == twinName && m.GetParameters().Select(p => p.ParameterType).SequenceEqual(parameters));
            if (twin is null)
            {
                problems.Add($"{type.Name}.{method.Name} has no {(isAsync ? "blocking" : "async")} twin {twinName} with the same parameters");
            }
            else if (isAsync && !ReturnsResultOf(method, twin))
            {
                problems.Add($"{type.Name}.{twinName} does not return what {method.Name} does");
            }

            if (isAsync != method.Name.EndsWith("Async", StringComparison.Ordinal))
            {
                problems.Add($"{type.Name}.{method.Name}: only methods returning a task end in Async");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void The_client_and_every_service_can_be_subclassed_by_mocking_frameworks()
    {
        foreach (var type in ServiceTypes().Append(typeof(SpotClient)))
        {
            Assert.False(type.IsSealed, $"{type.Name} is sealed");
            Assert.NotNull(type.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes));
        }

        var groups = typeof(SpotClient).GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.PropertyType.IsSubclassOf(typeof(SpotService)));
        Assert.All(groups, p => Assert.True(p.GetMethod!.IsVirtual && !p.GetMethod.IsFinal, $"SpotClient.{p.Name} is not virtual"));
    }

    private static IEnumerable<Type> ServiceTypes() =>
        typeof(SpotService).Assembly.GetExportedTypes().Where(t => t.IsSubclassOf(typeof(SpotService)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal);

    private static IEnumerable<MethodInfo> Operations(Type type) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Public)
            .Where(m => m.DeclaringType != typeof(object) && !m.IsSpecialName && m.DeclaringType!.IsSubclassOf(typeof(SpotService)) | m.DeclaringType == type);

    private static bool ReturnsResultOf(MethodInfo asyncMethod, MethodInfo blocking) =>
        asyncMethod.ReturnType == typeof(Task)
            ? blocking.ReturnType == typeof(void)
            : asyncMethod.ReturnType.GetGenericArguments()[0] == blocking.ReturnType;
}
