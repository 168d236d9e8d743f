// "问问我的包裹": a question in plain Chinese, answered by askParcel from the shopper's own orders
// (the same resolver as the MCP tools). The answer names its order; a "which one?" answer lists
// the candidates, each a tap away from its tracking page.
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MAX_QUESTION_CHARS, type AnswerChoice, type AskParcelResult } from '@core/api'
import { ASSISTANT_TEXT as text } from './assistantText'
import './index.css'

export interface AskParcelProps {
  ask: (question: string) => Promise<AskParcelResult>
  onOpenOrder: (orderId: string) => void
}

type Reply =
  | { kind: 'idle' }
  | { kind: 'asking' }
  | { kind: 'answered'; answer: string; orderId: string | null; choices: AnswerChoice[] }
  | { kind: 'failed'; message: string }

const classPrefix = 'ps-ask'

export function AskParcel({ ask, onOpenOrder }: AskParcelProps) {
  const [question, setQuestion] = useState('')
  const [reply, setReply] = useState<Reply>({ kind: 'idle' })

  async function submit(value = question) {
    const asked = value.trim()
    if (asked === '' || reply.kind === 'asking') return
    setReply({ kind: 'asking' })
    try {
      const result = await ask(asked)
      setReply(
        result.ok
          ? { kind: 'answered', answer: result.answer, orderId: result.orderId ?? null, choices: result.choices ?? [] }
          : { kind: 'failed', message: result.reason === 'invalid_input' ? text.tooLong : text.failed },
      )
    } catch {
      setReply({ kind: 'failed', message: text.failed })
    }
  }

  return (
    <View className={`ps-card ${classPrefix}`}>
      <Text className={`${classPrefix}__title`}>{text.title}</Text>
      <View className={`${classPrefix}__row`}>
        <Input
          className={`${classPrefix}__input`}
          value={question}
          placeholder={text.placeholder}
          maxlength={MAX_QUESTION_CHARS}
          onInput={(event) => setQuestion(event.detail.value)}
          onConfirm={(event) => {
            submit(event.detail.value)
          }}
        />
        <Button
          className={`${classPrefix}__send`}
          disabled={reply.kind === 'asking' || question.trim() === ''}
          onClick={() => {
            submit()
          }}
        >
          {reply.kind === 'asking' ? text.asking : text.send}
        </Button>
      </View>
      {reply.kind === 'idle' && <Text className={`${classPrefix}__hint`}>{text.examples}</Text>}
      {reply.kind === 'failed' && <Text className={`${classPrefix}__error`}>{reply.message}</Text>}
      {reply.kind === 'answered' && (
        <View className={`${classPrefix}__answer`}>
          {reply.answer.split('\n').map((line, index) => (
            <Text key={index} className={`${classPrefix}__line`}>
              {line}
            </Text>
          ))}
          {reply.orderId && (
            <Text className={`${classPrefix}__open`} onClick={() => onOpenOrder(reply.orderId ?? '')}>
              {text.openOrder}
            </Text>
          )}
          {reply.choices.map((choice) => (
            <Text
              key={choice.orderId}
              className={`${classPrefix}__choice`}
              data-order-id={choice.orderId}
              onClick={() => onOpenOrder(choice.orderId)}
            >
              {choice.label}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
