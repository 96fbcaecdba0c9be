using Spectre.Console.Cli;

namespace GongCrmBridge.Cli.Infrastructure;

/// <summary>
/// The smallest container Spectre.Console.Cli needs: instances and factories by type, and constructor injection
/// (greediest constructor) for the command classes. A full DI container would be more machinery than the CLI uses.
/// </summary>
internal sealed class TypeRegistrar : ITypeRegistrar, ITypeResolver
{
    private readonly Dictionary<Type, Func<object>> _factories = [];

    public void Register(Type service, Type implementation) => _factories[service] = () => Create(implementation);

    public void RegisterInstance(Type service, object implementation) => _factories[service] = () => implementation;

    public void RegisterLazy(Type service, Func<object> factory)
    {
        Lazy<object> lazy = new(factory);
        _factories[service] = () => lazy.Value;
    }

    public ITypeResolver Build() => this;

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

        // Spectre asks for IEnumerable<T> of optional services (e.g. interceptors); none are registered.
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            return Array.CreateInstance(type.GetGenericArguments()[0], 0);
        }

        return type.IsAbstract || type.IsInterface ? null : Create(type);
    }

    private object Create(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var arguments = constructor.GetParameters()
            .Select(p => Resolve(p.ParameterType)
                         ?? throw new InvalidOperationException($"Cannot resolve {p.ParameterType.Name} for {type.Name}."))
            .ToArray();
        return constructor.Invoke(arguments);
    }
}
