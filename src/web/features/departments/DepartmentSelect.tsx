import { useState, type CSSProperties } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { departmentKeys, fetchDepartments } from './api.ts';

interface Props {
  value?: string | null | undefined;
  onChange?: (id: string | undefined) => void;
  /** The current department, so its name shows even when it is not in the first page of results. */
  current?: { id: string; name: string } | null | undefined;
  placeholder?: string;
  testId?: string;
  style?: CSSProperties;
  disabled?: boolean;
}

/** Searchable department chooser (needs departments.read); usable as an antd form control. */
export function DepartmentSelect({ value, onChange, current, placeholder, testId, style, disabled }: Props) {
  const [search, setSearch] = useState('');
  const query = { q: search || undefined, pageSize: 50 };
  const result = useQuery({ queryKey: departmentKeys.list(query), queryFn: () => fetchDepartments(query) });
  const options = (result.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.name });
  return (
    <Select<string>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={value ?? undefined}
      onChange={(id) => onChange?.(id)}
      loading={result.isFetching}
      options={options}
      placeholder={placeholder}
      data-testid={testId}
      style={style}
      disabled={disabled}
    />
  );
}
