/** A labelled select; the first option (empty value) means "any". */
export const SelectField = ({ name, label, value, options }: { name: string; label: string; value?: string; options: Array<{ value: string; label: string }> }) => (
  <div className="field">
    <label htmlFor={name}>{label}</label>
    <select id={name} name={name} defaultValue={value ?? ''}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </div>
);
