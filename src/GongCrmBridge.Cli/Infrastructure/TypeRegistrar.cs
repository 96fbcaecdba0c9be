using System.Diagnostics.CodeAnalysis;
using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>
/// The smallest container Spectre.Console.Cli needs: instances and factories by type, and constructor injection
/// (greediest constructor) for the command classes. A full DI container would be more machinery than the CLI uses.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar, ITypeResolver
{
    private const string TypesKept = "Spectre registers and asks for the command and settings types the command tree names " +
        "(AddCommand<T> keeps their constructors), and a native build keeps the tool's own types whole (TrimMode partial).";

    private readonly Dictionary<Type, Func<object>> _factories = [];

    public TypeRegistrar()
    {
        // Spectre asks for its optional services as IEnumerable<T>; none is added. Registered one by one, rather than made
        // for any IEnumerable<T> asked for, because making an array of a type known only at run time needs the JIT.
        RegisterInstance(typeof(IEnumerable<ICommandInterceptor>), Array.Empty<ICommandInterceptor>());
        RegisterInstance(typeof(IEnumerable<Spectre.Console.Cli.Help.IHelpProvider>), Array.Empty<Spectre.Console.Cli.Help.IHelpProvider>());
    }

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = TypesKept)]
    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        Lazy<object> lazy = new(factory);
        _factories[service] = () => lazy.Value;
    }

    public ITypeResolver Build() => this;

    [UnconditionalSuppressMessage("Trimming", "IL2067", Justification = TypesKept)]
    public object? Resolve(Type? type)
    {
        if (type is null)
        {
            return null;
        }

        if (_factories.TryGetValue(type, out var factory))
        {
            return factory();
        }

        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => Resolve(p.ParameterType)
                         ?? throw new InvalidOperationException($"Cannot resolve {p.ParameterType.Name} for {type.Name}."))
            .ToArray();
        return constructor.Invoke(arguments);
    }
}
