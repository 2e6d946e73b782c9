"""Writes src/python-reserved.ts: the names a generated project's Python package must not take.

Run with the Python baseline the factory targets: python3 scripts/python-reserved.py > src/python-reserved.ts
"""
import keyword
import sys

REQUIRED = {
    'sklearn', 'numpy', 'pandas', 'scipy', 'joblib', 'fastapi', 'starlette', 'pydantic', 'uvicorn', 'httpx',
    'pytest', 'prometheus_client', 'mlflow', 'torch', 'tests', 'test', 'src', 'setuptools', 'pip',
}
names = sorted({n.lower() for n in set(sys.stdlib_module_names) | set(keyword.kwlist) | set(keyword.softkwlist) | REQUIRED
                if n.isidentifier() and not n.startswith('_')})

print('// Python names a project package must not take: keywords (hard and soft), the standard library')
print('// (`sys.stdlib_module_names`), and the packages generated projects import or install.')
print(f'// Written by scripts/python-reserved.py with Python {sys.version_info.major}.{sys.version_info.minor}; rerun it when the baseline moves.')
print('export const PYTHON_RESERVED_MODULES: ReadonlySet<string> = new Set([')
line = ' '
for name in names:
    item = f" '{name}',"
    if len(line) + len(item) > 110:
        print(line)
        line = ' '
    line += item
print(line)
print(']);')
